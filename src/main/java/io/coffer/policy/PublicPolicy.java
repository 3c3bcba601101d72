package io.coffer.policy;

import io.coffer.policy.ConditionOperator.Qualifier;

/**
 * AWS's definition of a public bucket policy (GetBucketPolicyStatus, BlockPublicPolicy): some Allow
 * statement applies to everyone — Principal {@code "*"} or {@code {"AWS": "*"}}, or any
 * NotPrincipal — and none of its conditions fixes the caller to known values. The fixing conditions
 * Coffer can have: {@code aws:SourceIp} under IpAddress with every block at least a /8 (IPv4) or a
 * /32 (IPv6), and {@code aws:userid} / {@code aws:username} under StringEquals,
 * StringEqualsIgnoreCase, ArnEquals, or StringLike/ArnLike without wildcards (and without policy
 * variables). A condition with IfExists or ForAllValues does not fix anything: it holds when the
 * key is absent.
 *
 * <p>A principal naming the whole account (every authenticated credential in Coffer) is not public,
 * as in AWS, where an account principal is not public either.
 */
final class PublicPolicy {
  private PublicPolicy() {}

  static boolean isPublic(Statement[] statements) {
    for (Statement statement : statements) {
      PrincipalMatcher principal = statement.principal;
      if (!statement.allow || principal == null) {
        continue;
      }
      boolean everyone = statement.notPrincipal || principal.namesEveryone();
      if (everyone && !fixesCaller(statement.conditions)) {
        return true;
      }
    }
    return false;
  }

  private static boolean fixesCaller(Condition[] conditions) {
    for (Condition condition : conditions) {
      if (fixes(condition)) {
        return true;
      }
    }
    return false;
  }

  private static boolean fixes(Condition condition) {
    ConditionOperator.Spec spec = condition.spec;
    if (spec.ifExists() || spec.qualifier() == Qualifier.ALL) {
      return false;
    }
    ConditionOperator op = spec.operator();
    return switch (condition.key) {
      case ConditionKeys.SOURCE_IP -> op == ConditionOperator.IP_ADDRESS && narrow(condition);
      case ConditionKeys.USERID, ConditionKeys.USERNAME -> exact(condition, op);
      default -> false;
    };
  }

  private static boolean narrow(Condition condition) {
    for (IpRange range : condition.ranges()) {
      if (range.prefixLength() < (range.isIpv4() ? 8 : 32)) {
        return false;
      }
    }
    return true;
  }

  private static boolean exact(Condition condition, ConditionOperator op) {
    boolean equality =
        switch (op) {
          case STRING_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_LIKE, ARN_EQUALS, ARN_LIKE -> true;
          default -> false;
        };
    if (!equality) {
      return false;
    }
    for (Template value : condition.strings()) {
      if (value.hasWildcards() || value.hasVariables()) {
        return false;
      }
    }
    return true;
  }
}
