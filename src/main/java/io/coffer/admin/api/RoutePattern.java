package io.coffer.admin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A path template such as {@code /api/v1/buckets/{bucket}/objects/{key+}}: literal segments, {@code
 * {name}} for one segment, and a final {@code {name+}} for the rest of the path, slashes included.
 * Matching works on the raw path; each captured value is then decoded once.
 */
record RoutePattern(String template, List<String> segments) {

  static RoutePattern of(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("template must start with '/': " + template);
    }
    List<String> segments = List.of(template.substring(1).split("/", -1));
    for (int i = 0; i < segments.size() - 1; i++) {
      if (segments.get(i).endsWith("+}")) {
        throw new IllegalArgumentException("only the last segment may be greedy: " + template);
      }
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
        if (position > rawPath.length() || rest.isEmpty()) {
          return null;
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
