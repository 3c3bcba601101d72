package io.coffer.policy;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A statement's Action or NotAction, compiled into the set of S3 actions its patterns match, so
 * that a request costs one bit test. Names and patterns compare without regard to case.
 */
final class ActionMatcher {
  static final String INVALID = "Policy has invalid action";

  private final BitSet actions;
  private final boolean negated;
  private final boolean everything;

  private ActionMatcher(BitSet actions, boolean negated, boolean everything) {
    this.actions = actions;
    this.negated = negated;
    this.everything = everything;
  }

  /**
   * Compiles the patterns ({@code *}, or {@code s3:} followed by a name with {@code *} and {@code
   * ?} wildcards, matching at least one S3 action).
   *
   * @param negated a NotAction element
   */
  static ActionMatcher compile(List<String> patterns, boolean negated)
      throws MalformedPolicyException {
    BitSet actions = new BitSet(S3Actions.count());
    boolean everything = false;
    for (String pattern : patterns) {
      if (pattern.equals("*")) {
        everything = true;
        actions.set(0, S3Actions.count());
        continue;
      }
      if (pattern.length() <= S3Actions.PREFIX.length()
          || !pattern.regionMatches(true, 0, S3Actions.PREFIX, 0, S3Actions.PREFIX.length())) {
        throw new MalformedPolicyException(INVALID);
      }
      String name = pattern.substring(S3Actions.PREFIX.length());
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean valid = c == '*' || c == '?' || (c < 128 && Character.isLetterOrDigit(c));
        if (!valid) {
          throw new MalformedPolicyException(INVALID);
        }
      }
      everything |= name.chars().allMatch(c -> c == '*');
      boolean any = false;
      for (int i = 0; i < S3Actions.count(); i++) {
        if (Glob.matches(name, S3Actions.name(i), true)) {
          actions.set(i);
          any = true;
        }
      }
      if (!any) {
        throw new MalformedPolicyException(INVALID);
      }
    }
    return new ActionMatcher(actions, negated, everything);
  }

  /**
   * Whether the element applies to an action.
   *
   * @param index the action's {@link S3Actions#indexOf index}; -1 for a name that is no S3 action,
   *     which only {@code *} and {@code s3:*} cover
   */
  boolean matches(int index, String action) {
    boolean listed =
        index >= 0
            ? actions.get(index)
            : everything && action.toLowerCase(Locale.ROOT).startsWith(S3Actions.PREFIX);
    return listed != negated;
  }
}
