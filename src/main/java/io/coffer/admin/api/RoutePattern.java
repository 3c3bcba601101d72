package io.coffer.admin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A path template such as {@code /api/v1/buckets/{bucket}/objects/{key+}}: literal segments, {@code
 * {name}} for one segment, and one greedy {@code {name+}} for the rest of the path, slashes
 * included, which only literal segments may follow ({@code .../objects/{key+}/versions}: the key is
 * everything between "objects/" and a final raw "/versions"). Matching works on the raw path; each
 * captured value is then decoded once, so a key whose own slash is sent as "%2F" never ends in a
 * literal suffix.
 */
record RoutePattern(String template, List<String> segments) {

  static RoutePattern of(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("template must start with '/': " + template);
    }
    List<String> segments = List.of(template.substring(1).split("/", -1));
    boolean greedySeen = false;
    for (String segment : segments) {
      if (greedySeen && isParameter(segment)) {
        throw new IllegalArgumentException(
            "only literal segments may follow a greedy one: " + template);
      }
      greedySeen |= isGreedy(segment);
    }
    return new RoutePattern(template, segments);
  }

  /** The decoded parameters when {@code rawPath} matches, else null. */
  @Nullable Map<String, String> match(String rawPath) {
    if (!rawPath.startsWith("/")) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    int position = 1;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (isGreedy(segment)) {
        String rest = rawPath.substring(Math.min(position, rawPath.length()));
        String suffix = suffixAfter(i);
        if (position > rawPath.length() || rest.length() <= suffix.length()) {
          return null;
        }
        if (!suffix.isEmpty()) {
          if (!rest.endsWith(suffix)) {
            return null;
          }
          rest = rest.substring(0, rest.length() - suffix.length());
        }
        params.put(name(segment), PercentDecoding.path(rest));
        return params;
      }
      if (position > rawPath.length()) {
        return null;
      }
      int slash = rawPath.indexOf('/', position);
      int end = slash < 0 ? rawPath.length() : slash;
      if (last != (slash < 0)) {
        return null;
      }
      String raw = rawPath.substring(position, end);
      if (isParameter(segment)) {
        if (raw.isEmpty()) {
          return null;
        }
        params.put(name(segment), PercentDecoding.path(raw));
      } else if (!segment.equals(raw)) {
        return null;
      }
      position = end + 1;
    }
    return params;
  }

  /** The literal segments after segment {@code i}, as "/a/b" ("" when there are none). */
  private String suffixAfter(int i) {
    StringBuilder suffix = new StringBuilder();
    for (String literal : segments.subList(i + 1, segments.size())) {
      suffix.append('/').append(literal);
    }
    return suffix.toString();
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static boolean isGreedy(String segment) {
    return isParameter(segment) && segment.endsWith("+}");
  }

  private static String name(String segment) {
    return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
  }

  /** The template in OpenAPI's form: {@code {key+}} becomes {@code {key}}. */
  String openApiPath() {
    return template.replace("+}", "}");
  }
}
