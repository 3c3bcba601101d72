package io.coffer.policy;

import io.coffer.policy.ConditionOperator.Qualifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One condition key under one operator, with the policy's values already parsed to the operator's
 * type. A statement's conditions are ANDed; the values of one condition are ORed.
 *
 * <p>With the key absent from the request: {@code Null "true"} holds; {@code ...IfExists} holds;
 * {@code ForAllValues:} holds; {@code ForAnyValue:} does not; a negated operator (StringNotEquals,
 * NotIpAddress, ...) holds; any other does not. With the key present: a plain operator holds when
 * any request value matches any policy value (negated: when none does); {@code ForAnyValue:} when
 * some request value matches (negated: some value matches no policy value); {@code ForAllValues:}
 * when every request value does (negated: none of them matches a policy value).
 */
final class Condition {
  private static final String INVALID_KEY = "Policy has an invalid condition key";

  final ConditionOperator.Spec spec;
  final String key;
  private final Template[] strings;
  private final String[] binaries;
  private final BigDecimal[] numbers;
  private final Instant[] dates;
  private final boolean[] booleans;
  private final IpRange[] ranges;

  private Condition(
      ConditionOperator.Spec spec,
      String key,
      Template[] strings,
      String[] binaries,
      BigDecimal[] numbers,
      Instant[] dates,
      boolean[] booleans,
      IpRange[] ranges) {
    this.spec = spec;
    this.key = key;
    this.strings = strings;
    this.binaries = binaries;
    this.numbers = numbers;
    this.dates = dates;
    this.booleans = booleans;
    this.ranges = ranges;
  }

  /**
   * Compiles one condition.
   *
   * @param variables whether values may hold policy variables (a 2012-10-17 document)
   */
  static Condition compile(
      String operatorName, String keyName, List<String> values, boolean variables)
      throws MalformedPolicyException {
    ConditionOperator.Spec spec = ConditionOperator.parse(operatorName);
    if (spec == null) {
      throw new MalformedPolicyException("Invalid Condition type : " + operatorName);
    }
    String key = KnownKeys.canonical(keyName);
    if (key == null) {
      throw new MalformedPolicyException(INVALID_KEY);
    }
    ConditionOperator op = spec.operator();
    int n = values.size();
    Template[] strings = new Template[0];
    String[] binaries = new String[0];
    BigDecimal[] numbers = new BigDecimal[0];
    Instant[] dates = new Instant[0];
    boolean[] booleans = new boolean[0];
    IpRange[] ranges = new IpRange[0];
    switch (op.type) {
      case STRING, ARN -> {
        strings = new Template[n];
        boolean wildcards = op.compare == ConditionOperator.Compare.LIKE;
        for (int i = 0; i < n; i++) {
          strings[i] = Template.compile(values.get(i), wildcards, variables, INVALID_KEY);
        }
      }
      case BINARY -> {
        binaries = values.toArray(String[]::new);
        for (String value : binaries) {
          require(ConditionTypes.isBase64(value), op, value);
        }
      }
      case NUMERIC -> {
        numbers = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
          numbers[i] = require(ConditionTypes.number(values.get(i)), op, values.get(i));
        }
      }
      case DATE -> {
        dates = new Instant[n];
        for (int i = 0; i < n; i++) {
          dates[i] = require(ConditionTypes.date(values.get(i)), op, values.get(i));
        }
      }
      case BOOL, NULL -> {
        booleans = new boolean[n];
        for (int i = 0; i < n; i++) {
          booleans[i] = require(ConditionTypes.bool(values.get(i)), op, values.get(i));
        }
      }
      case IP -> {
        ranges = new IpRange[n];
        for (int i = 0; i < n; i++) {
          ranges[i] = require(IpRange.parse(values.get(i)), op, values.get(i));
        }
      }
    }
    return new Condition(spec, key, strings, binaries, numbers, dates, booleans, ranges);
  }

  private static <T> T require(@Nullable T value, ConditionOperator op, String written)
      throws MalformedPolicyException {
    if (value == null) {
      throw new MalformedPolicyException(
          "Invalid value for condition operator " + op.awsName + ": " + written);
    }
    return value;
  }

  private static void require(boolean valid, ConditionOperator op, String written)
      throws MalformedPolicyException {
    if (!valid) {
      throw new MalformedPolicyException(
          "Invalid value for condition operator " + op.awsName + ": " + written);
    }
  }

  /** Whether the request satisfies this condition. */
  boolean holds(ConditionValues request) {
    List<String> present = request.get(key);
    ConditionOperator op = spec.operator();
    if (op == ConditionOperator.NULL) {
      for (boolean expectAbsent : booleans) {
        if (expectAbsent == present.isEmpty()) {
          return true;
        }
      }
      return false;
    }
    if (present.isEmpty()) {
      if (spec.ifExists()) {
        return true;
      }
      return switch (spec.qualifier()) {
        case ALL -> true;
        case ANY -> false;
        case NONE -> op.negated;
      };
    }
    Qualifier qualifier = spec.qualifier();
    if (qualifier == Qualifier.ALL) {
      for (int i = 0; i < present.size(); i++) {
        if (matchesAny(present.get(i), request) == op.negated) {
          return false;
        }
      }
      return true;
    }
    boolean anyMatches = false;
    boolean anyMisses = false;
    for (int i = 0; i < present.size(); i++) {
      if (matchesAny(present.get(i), request)) {
        anyMatches = true;
      } else {
        anyMisses = true;
      }
    }
    if (!op.negated) {
      return anyMatches;
    }
    return qualifier == Qualifier.ANY ? anyMisses : !anyMatches;
  }

  /** Whether one request value matches some policy value under the positive operator. */
  private boolean matchesAny(String value, ConditionValues request) {
    ConditionOperator op = spec.operator();
    switch (op.type) {
      case STRING, ARN -> {
        boolean ignoreCase = op.compare == ConditionOperator.Compare.EQ_IGNORE_CASE;
        for (Template t : strings) {
          if (t.matches(value, ignoreCase, request)) {
            return true;
          }
        }
        return false;
      }
      case BINARY -> {
        for (String b : binaries) {
          if (b.equals(value)) {
            return true;
          }
        }
        return false;
      }
      case NUMERIC -> {
        BigDecimal number = ConditionTypes.number(value);
        if (number != null) {
          for (BigDecimal n : numbers) {
            if (compares(number.compareTo(n), op.compare)) {
              return true;
            }
          }
        }
        return false;
      }
      case DATE -> {
        Instant date = ConditionTypes.date(value);
        if (date != null) {
          for (Instant d : dates) {
            if (compares(date.compareTo(d), op.compare)) {
              return true;
            }
          }
        }
        return false;
      }
      case BOOL -> {
        Boolean bool = ConditionTypes.bool(value);
        if (bool != null) {
          for (boolean b : booleans) {
            if (b == bool) {
              return true;
            }
          }
        }
        return false;
      }
      case IP -> {
        for (IpRange range : ranges) {
          if (range.contains(value)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean compares(int order, ConditionOperator.Compare compare) {
    return switch (compare) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      default -> order == 0;
    };
  }

  /** The IP ranges of an IpAddress condition (for the public-policy test). */
  IpRange[] ranges() {
    return ranges.clone();
  }

  /** The string values (for the public-policy test). */
  Template[] strings() {
    return strings.clone();
  }
}
