package io.coffer.service;

import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which CORS rule of a bucket lets a browser request through, as S3 evaluates it: the first rule
 * whose origins, methods and allowed headers all admit the request. Pure and thread-safe.
 *
 * <p>A pattern has at most one {@code *}, which stands for any run of characters (the empty one
 * too) and is anchored at both ends. Origins and header names match without regard to ASCII case:
 * browsers serialize origins in lower case, and a rule written {@code https://App.example.com}
 * should not silently match nothing.
 */
public final class CorsMatcher {
  private CorsMatcher() {}

  /**
   * A rule that matched.
   *
   * @param anyOrigin whether the origin matched the pattern {@code *}: then the answer is {@code
   *     Access-Control-Allow-Origin: *} without credentials, as S3 answers
   */
  public record Match(CorsRule rule, boolean anyOrigin) {}

  /**
   * The first rule allowing {@code origin} to send {@code method} with every one of {@code
   * requestedHeaders} (lower-case names, see {@link #requestedHeaders}); null when none does.
   */
  public static @Nullable Match find(
      CorsConfiguration configuration,
      String origin,
      String method,
      List<String> requestedHeaders) {
    for (CorsRule rule : configuration.rules()) {
      String pattern = originPattern(rule, origin);
      if (pattern != null
          && rule.allowedMethods().contains(method)
          && allowsHeaders(rule, requestedHeaders)) {
        return new Match(rule, pattern.equals("*"));
      }
    }
    return null;
  }

  /**
   * The names of an {@code Access-Control-Request-Headers} value, in the order sent, lower-cased
   * and trimmed; empty for none.
   */
  public static List<String> requestedHeaders(@Nullable String value) {
    if (value == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** {@code value} against a pattern with at most one {@code *}, ignoring ASCII case. */
  static boolean matches(String pattern, String value) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equalsIgnoreCase(value);
    }
    int suffix = pattern.length() - star - 1;
    return value.length() >= star + suffix
        && value.regionMatches(true, 0, pattern, 0, star)
        && value.regionMatches(true, value.length() - suffix, pattern, star + 1, suffix);
  }

  private static @Nullable String originPattern(CorsRule rule, String origin) {
    for (String pattern : rule.allowedOrigins()) {
      if (matches(pattern, origin)) {
        return pattern;
      }
    }
    return null;
  }

  private static boolean allowsHeaders(CorsRule rule, List<String> requested) {
    for (String name : requested) {
      boolean allowed = false;
      for (String pattern : rule.allowedHeaders()) {
        if (matches(pattern, name)) {
          allowed = true;
          break;
        }
      }
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
