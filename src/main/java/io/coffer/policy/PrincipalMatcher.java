package io.coffer.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bucket policy's Principal or NotPrincipal, in the forms Coffer can tell apart:
 *
 * <ul>
 *   <li>{@code "*"} or {@code {"AWS": "*"}}: everyone, anonymous callers included;
 *   <li>{@code {"AWS": "arn:aws:iam::<account>:root"}} or a bare 12-digit account ID: the whole
 *       account — in Coffer, which is one account, every authenticated credential (the account part
 *       of an ARN is not compared: any digits, or {@code *});
 *   <li>{@code {"AWS": "arn:aws:iam::<account>:user/<userName>"}}: the credentials of that user;
 *   <li>{@code {"AWS": "<access key>"}}: one credential;
 *   <li>{@code {"CanonicalUser": "<canonical ID>"}}: the credential with that canonical ID.
 * </ul>
 *
 * Service and Federated principals, roles and other ARNs are refused: Coffer has none.
 */
final class PrincipalMatcher {
  static final String INVALID = "Invalid principal in policy";
  private static final String IAM_PREFIX = "arn:aws:iam::";

  private final boolean everyone;
  private final boolean anyAuthenticated;
  private final Set<String> userNames;
  private final Set<String> accessKeys;
  private final Set<String> canonicalIds;

  private PrincipalMatcher(
      boolean everyone,
      boolean anyAuthenticated,
      Set<String> userNames,
      Set<String> accessKeys,
      Set<String> canonicalIds) {
    this.everyone = everyone;
    this.anyAuthenticated = anyAuthenticated;
    this.userNames = userNames;
    this.accessKeys = accessKeys;
    this.canonicalIds = canonicalIds;
  }

  static PrincipalMatcher everyone() {
    return new PrincipalMatcher(true, false, Set.of(), Set.of(), Set.of());
  }

  /** Compiles the object form: principal type ({@code AWS}, {@code CanonicalUser}) → values. */
  static PrincipalMatcher compile(Map<String, List<String>> byType)
      throws MalformedPolicyException {
    if (byType.isEmpty()) {
      throw new MalformedPolicyException(INVALID);
    }
    boolean everyone = false;
    boolean anyAuthenticated = false;
    Set<String> userNames = new HashSet<>();
    Set<String> accessKeys = new HashSet<>();
    Set<String> canonicalIds = new HashSet<>();
    for (Map.Entry<String, List<String>> entry : byType.entrySet()) {
      if (entry.getValue().isEmpty()) {
        throw new MalformedPolicyException(INVALID);
      }
      switch (entry.getKey()) {
        case "AWS" -> {
          for (String value : entry.getValue()) {
            if (value.equals("*")) {
              everyone = true;
            } else if (isAccountId(value)) {
              anyAuthenticated = true;
            } else if (value.startsWith(IAM_PREFIX)) {
              String rest = value.substring(IAM_PREFIX.length());
              int colon = rest.indexOf(':');
              String account = colon < 0 ? "" : rest.substring(0, colon);
              boolean digits =
                  !account.isEmpty() && account.chars().allMatch(c -> c >= '0' && c <= '9');
              if (!digits && !account.equals("*")) {
                throw new MalformedPolicyException(INVALID);
              }
              String name = rest.substring(colon + 1);
              if (name.equals("root")) {
                anyAuthenticated = true;
              } else if (name.startsWith("user/") && name.length() > "user/".length()) {
                userNames.add(name.substring("user/".length()));
              } else {
                throw new MalformedPolicyException(INVALID);
              }
            } else if (isAccessKey(value)) {
              accessKeys.add(value);
            } else {
              throw new MalformedPolicyException(INVALID);
            }
          }
        }
        case "CanonicalUser" -> {
          for (String value : entry.getValue()) {
            if (value.isEmpty() || !value.chars().allMatch(PrincipalMatcher::isHexDigit)) {
              throw new MalformedPolicyException(INVALID);
            }
            canonicalIds.add(value);
          }
        }
        default -> throw new MalformedPolicyException(INVALID);
      }
    }
    return new PrincipalMatcher(everyone, anyAuthenticated, userNames, accessKeys, canonicalIds);
  }

  /** Whether the element names every caller, anonymous ones included. */
  boolean namesEveryone() {
    return everyone;
  }

  boolean matches(RequestPrincipal principal) {
    if (everyone) {
      return true;
    }
    if (principal.anonymous()) {
      return false;
    }
    if (anyAuthenticated) {
      return true;
    }
    String user = principal.userName();
    String key = principal.accessKey();
    String canonical = principal.canonicalId();
    return (user != null && userNames.contains(user))
        || (key != null && accessKeys.contains(key))
        || (canonical != null && canonicalIds.contains(canonical));
  }

  private static boolean isAccountId(String value) {
    return value.length() == 12 && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Coffer's access keys: 3 to 128 printable ASCII characters without space or '/'. */
  private static boolean isAccessKey(String value) {
    return value.length() >= 3
        && value.length() <= 128
        && !value.startsWith("arn:")
        && value.chars().allMatch(c -> c > 32 && c < 127 && c != '/' && c != '*');
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
