package io.coffer.policy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resource or condition value as written in a policy, compiled once: literal characters,
 * wildcards ({@code *}, {@code ?}; only where the element allows them) and policy variables ({@code
 * ${aws:username}}, {@code ${aws:username, 'default'}}; only in version 2012-10-17 documents).
 * {@code ${*}}, {@code ${?}} and {@code ${$}} stand for the literal characters.
 *
 * <p>A variable whose key the request does not carry (and that has no default) makes the value
 * match nothing, as AWS documents. A variable's value is always literal text: a user named {@code
 * a*} does not turn into a wildcard. A multi-valued key is not a valid variable and also matches
 * nothing.
 */
final class Template {
  private static final byte VARIABLE = 3;

  private final String written;
  private final char[] chars;
  private final byte[] kinds;
  private final String[] keys;
  private final @Nullable String[] defaults;
  private final boolean wildcards;

  private Template(
      String written,
      char[] chars,
      byte[] kinds,
      String[] keys,
      @Nullable String[] defaults,
      boolean wildcards) {
    this.written = written;
    this.chars = chars;
    this.kinds = kinds;
    this.keys = keys;
    this.defaults = defaults;
    this.wildcards = wildcards;
  }

  /**
   * Compiles a value.
   *
   * @param wildcards whether {@code *} and {@code ?} are wildcards
   * @param variables whether {@code ${...}} is a policy variable (a 2012-10-17 document)
   * @param invalid the message for a variable naming a key Coffer does not know
   */
  static Template compile(String text, boolean wildcards, boolean variables, String invalid)
      throws MalformedPolicyException {
    StringBuilder chars = new StringBuilder(text.length());
    List<Byte> kinds = new ArrayList<>(text.length());
    List<String> keys = new ArrayList<>();
    List<@Nullable String> defaults = new ArrayList<>();
    boolean hasWildcard = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int close = variables && text.startsWith("${", i) ? text.indexOf('}', i + 2) : -1;
      if (close > 0) {
        String inside = text.substring(i + 2, close);
        if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
          chars.append(inside.charAt(0));
          kinds.add(Glob.LITERAL);
        } else {
          chars.append((char) keys.size());
          kinds.add(VARIABLE);
          variable(inside, keys, defaults, invalid);
        }
        i = close + 1;
        continue;
      }
      chars.append(c);
      byte kind =
          !wildcards ? Glob.LITERAL : c == '*' ? Glob.ANY_RUN : c == '?' ? Glob.ONE : Glob.LITERAL;
      hasWildcard |= kind != Glob.LITERAL;
      kinds.add(kind);
      i++;
    }
    byte[] kindArray = new byte[kinds.size()];
    for (int k = 0; k < kindArray.length; k++) {
      kindArray[k] = kinds.get(k);
    }
    return new Template(
        text,
        chars.toString().toCharArray(),
        kindArray,
        keys.toArray(String[]::new),
        defaults.toArray(new String[0]),
        hasWildcard);
  }

  private static void variable(
      String inside, List<String> keys, List<@Nullable String> defaults, String invalid)
      throws MalformedPolicyException {
    int comma = inside.indexOf(',');
    String key = (comma < 0 ? inside : inside.substring(0, comma)).trim();
    String fallback = null;
    if (comma >= 0) {
      String quoted = inside.substring(comma + 1).trim();
      if (quoted.length() < 2 || quoted.charAt(0) != '\'' || !quoted.endsWith("'")) {
        throw new MalformedPolicyException(invalid);
      }
      fallback = quoted.substring(1, quoted.length() - 1);
    }
    String canonical = KnownKeys.canonical(key);
    if (canonical == null) {
      throw new MalformedPolicyException(invalid);
    }
    keys.add(canonical);
    defaults.add(fallback);
  }

  /** The value as the policy wrote it. */
  String written() {
    return written;
  }

  boolean hasVariables() {
    return keys.length > 0;
  }

  /** Whether a {@code *} or {@code ?} of the value is a wildcard. */
  boolean hasWildcards() {
    return wildcards;
  }

  /** Whether {@code text[from, to)} matches; variables are resolved from {@code values}. */
  boolean matches(CharSequence text, int from, int to, boolean ignoreCase, ConditionValues values) {
    if (keys.length == 0) {
      return Glob.matches(chars, kinds, chars.length, text, from, to, ignoreCase);
    }
    String[] resolved = new String[keys.length];
    int length = 0;
    for (int v = 0; v < keys.length; v++) {
      List<String> found = values.get(keys[v]);
      String value = found.size() == 1 ? found.get(0) : found.isEmpty() ? defaults[v] : null;
      if (value == null) {
        return false;
      }
      resolved[v] = value;
      length += value.length();
    }
    length += chars.length - keys.length;
    char[] outChars = new char[length];
    byte[] outKinds = new byte[length];
    int o = 0;
    for (int p = 0; p < chars.length; p++) {
      if (kinds[p] == VARIABLE) {
        String value = resolved[chars[p]];
        value.getChars(0, value.length(), outChars, o);
        o += value.length(); // outKinds stays LITERAL (0) for the substituted characters
      } else {
        outChars[o] = chars[p];
        outKinds[o++] = kinds[p];
      }
    }
    return Glob.matches(outChars, outKinds, length, text, from, to, ignoreCase);
  }

  boolean matches(String text, boolean ignoreCase, ConditionValues values) {
    return matches(text, 0, text.length(), ignoreCase, values);
  }
}
