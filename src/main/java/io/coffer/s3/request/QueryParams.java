package io.coffer.s3.request;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The decoded query of a request: names to their first value ("" for a bare name). */
public final class QueryParams {
  private final Map<String, String> values;

  private QueryParams(Map<String, String> values) {
    this.values = values;
  }

  public static QueryParams parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParams(Map.of());
    }
    Map<String, String> values = new LinkedHashMap<>();
    int start = 0;
    while (start <= rawQuery.length()) {
      int amp = rawQuery.indexOf('&', start);
      int end = amp < 0 ? rawQuery.length() : amp;
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = decode(rawQuery, start, end);
          value = "";
        } else {
          name = decode(rawQuery, start, eq);
          value = decode(rawQuery, eq + 1, end);
        }
        values.putIfAbsent(name, value);
      }
      if (amp < 0) {
        break;
      }
      start = amp + 1;
    }
    return new QueryParams(Collections.unmodifiableMap(values));
  }

  /** Percent-decodes as UTF-8; '+' is a space, as in form encoding (what S3 and MinIO accept). */
  static String decode(String s, int from, int to) {
    boolean plain = true;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%' || c == '+' || c >= 0x80) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return s.substring(from, to);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%' && isHex(s, i + 1, to) && isHex(s, i + 2, to)) {
        out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 2;
      } else {
        // Netty hands over the request line one char per byte: raw non-ASCII bytes arrive as
        // chars up to U+00FF and are put back as the bytes they were.
        out.write(c & 0xff);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int index, int limit) {
    return index < limit && Character.digit(s.charAt(index), 16) >= 0;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value, or null when absent. */
  public @Nullable String get(String name) {
    return values.get(name);
  }

  public Map<String, String> all() {
    return values;
  }
}
