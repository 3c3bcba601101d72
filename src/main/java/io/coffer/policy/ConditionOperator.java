package io.coffer.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The condition operators of the IAM policy language, without their {@code ...IfExists} suffix and
 * {@code ForAnyValue:}/{@code ForAllValues:} prefix (see {@link Spec}). A negated operator
 * (StringNotEquals, NotIpAddress, ...) is evaluated as "no value matches" its positive form.
 */
enum ConditionOperator {
  STRING_EQUALS("StringEquals", Type.STRING, Compare.EQ, false),
  STRING_NOT_EQUALS("StringNotEquals", Type.STRING, Compare.EQ, true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Type.STRING, Compare.EQ_IGNORE_CASE, false),
  STRING_NOT_EQUALS_IGNORE_CASE(
      "StringNotEqualsIgnoreCase", Type.STRING, Compare.EQ_IGNORE_CASE, true),
  STRING_LIKE("StringLike", Type.STRING, Compare.LIKE, false),
  STRING_NOT_LIKE("StringNotLike", Type.STRING, Compare.LIKE, true),
  NUMERIC_EQUALS("NumericEquals", Type.NUMERIC, Compare.EQ, false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", Type.NUMERIC, Compare.EQ, true),
  NUMERIC_LESS_THAN("NumericLessThan", Type.NUMERIC, Compare.LT, false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Type.NUMERIC, Compare.LE, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Type.NUMERIC, Compare.GT, false),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Type.NUMERIC, Compare.GE, false),
  DATE_EQUALS("DateEquals", Type.DATE, Compare.EQ, false),
  DATE_NOT_EQUALS("DateNotEquals", Type.DATE, Compare.EQ, true),
  DATE_LESS_THAN("DateLessThan", Type.DATE, Compare.LT, false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Type.DATE, Compare.LE, false),
  DATE_GREATER_THAN("DateGreaterThan", Type.DATE, Compare.GT, false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Type.DATE, Compare.GE, false),
  BOOL("Bool", Type.BOOL, Compare.EQ, false),
  BINARY_EQUALS("BinaryEquals", Type.BINARY, Compare.EQ, false),
  IP_ADDRESS("IpAddress", Type.IP, Compare.EQ, false),
  NOT_IP_ADDRESS("NotIpAddress", Type.IP, Compare.EQ, true),
  // AWS documents ArnEquals and ArnLike as the same comparison (wildcards allowed in both).
  ARN_EQUALS("ArnEquals", Type.ARN, Compare.LIKE, false),
  ARN_LIKE("ArnLike", Type.ARN, Compare.LIKE, false),
  ARN_NOT_EQUALS("ArnNotEquals", Type.ARN, Compare.LIKE, true),
  ARN_NOT_LIKE("ArnNotLike", Type.ARN, Compare.LIKE, true),
  NULL("Null", Type.NULL, Compare.EQ, false);

  enum Type {
    STRING,
    NUMERIC,
    DATE,
    BOOL,
    BINARY,
    IP,
    ARN,
    NULL
  }

  enum Compare {
    EQ,
    EQ_IGNORE_CASE,
    LIKE,
    LT,
    LE,
    GT,
    GE
  }

  /** How a condition treats a key with several values (a request's list). */
  enum Qualifier {
    /** No prefix: the key is taken as single-valued, any of its values may match. */
    NONE,
    /** ForAnyValue: at least one request value matches; false when the key is absent. */
    ANY,
    /** ForAllValues: every request value matches; true when the key is absent. */
    ALL
  }

  /** An operator as a policy writes it: qualifier, operator and IfExists. */
  record Spec(ConditionOperator operator, Qualifier qualifier, boolean ifExists) {}

  private static final String IF_EXISTS = "ifexists";
  private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

  static {
    for (ConditionOperator operator : values()) {
      BY_NAME.put(operator.awsName.toLowerCase(Locale.ROOT), operator);
    }
  }

  final String awsName;
  final Type type;
  final Compare compare;
  final boolean negated;

  ConditionOperator(String awsName, Type type, Compare compare, boolean negated) {
    this.awsName = awsName;
    this.type = type;
    this.compare = compare;
    this.negated = negated;
  }

  /**
   * Parses an operator as written (names compared without regard to case), or null when it is not
   * one. Null takes neither IfExists nor a set qualifier.
   */
  static @Nullable Spec parse(String written) {
    String lower = written.toLowerCase(Locale.ROOT);
    Qualifier qualifier = Qualifier.NONE;
    int colon = lower.indexOf(':');
    if (colon >= 0) {
      String prefix = lower.substring(0, colon);
      if (prefix.equals("foranyvalue")) {
        qualifier = Qualifier.ANY;
      } else if (prefix.equals("forallvalues")) {
        qualifier = Qualifier.ALL;
      } else {
        return null;
      }
      lower = lower.substring(colon + 1);
    }
    ConditionOperator operator = BY_NAME.get(lower);
    boolean ifExists = false;
    if (operator == null && lower.endsWith(IF_EXISTS)) {
      operator = BY_NAME.get(lower.substring(0, lower.length() - IF_EXISTS.length()));
      ifExists = true;
    }
    if (operator == null || (operator == NULL && (ifExists || qualifier != Qualifier.NONE))) {
      return null;
    }
    return new Spec(operator, qualifier, ifExists);
  }
}
