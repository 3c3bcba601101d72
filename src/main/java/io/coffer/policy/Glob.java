package io.coffer.policy;

/**
 * Wildcard matching as IAM does it: {@code *} matches any run of characters (none included), {@code
 * ?} exactly one, everything else itself. No regular expressions: one pass with a single back-up
 * point, so a pattern costs at most pattern × text steps whatever the input (no exponential
 * backtracking).
 *
 * <p>A pattern is two parallel arrays: the characters and, for each, whether it is a literal or a
 * wildcard — so a character that came from a policy variable ({@code ${aws:username}} holding a
 * {@code *}) or from {@code ${*}} stays literal.
 */
final class Glob {
  static final byte LITERAL = 0;
  static final byte ANY_RUN = 1;
  static final byte ONE = 2;

  private Glob() {}

  /**
   * Whether {@code text[from, to)} matches the first {@code length} characters of the pattern.
   *
   * @param ignoreCase compare literal characters without regard to case (StringEqualsIgnoreCase)
   */
  static boolean matches(
      char[] chars,
      byte[] kinds,
      int length,
      CharSequence text,
      int from,
      int to,
      boolean ignoreCase) {
    int p = 0;
    int t = from;
    int starP = -1;
    int starT = from;
    while (t < to) {
      if (p < length && kinds[p] == ONE) {
        p++;
        t++;
      } else if (p < length && kinds[p] == ANY_RUN) {
        starP = p++;
        starT = t;
      } else if (p < length && same(chars[p], text.charAt(t), ignoreCase)) {
        p++;
        t++;
      } else if (starP >= 0) {
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < length && kinds[p] == ANY_RUN) {
      p++;
    }
    return p == length;
  }

  /** Matches a plain pattern string ({@code *} and {@code ?} are wildcards) against a text. */
  static boolean matches(String pattern, String text, boolean ignoreCase) {
    char[] chars = pattern.toCharArray();
    byte[] kinds = new byte[chars.length];
    for (int i = 0; i < chars.length; i++) {
      kinds[i] = chars[i] == '*' ? ANY_RUN : chars[i] == '?' ? ONE : LITERAL;
    }
    return matches(chars, kinds, chars.length, text, 0, text.length(), ignoreCase);
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    if (a == b) {
      return true;
    }
    if (!ignoreCase) {
      return false;
    }
    return Character.toLowerCase(a) == Character.toLowerCase(b)
        || Character.toUpperCase(a) == Character.toUpperCase(b);
  }
}
