package io.coffer.meta.rows;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A minimal JSON codec for the string-to-string maps kept with objects and uploads (headers, user
 * metadata). Keeps insertion order; an absent or empty map is stored as SQL NULL and read back as
 * an empty map.
 */
public final class Json {
  private Json() {}

  public static @Nullable String encode(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(map.size() * 32);
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      quote(sb, e.getKey());
      sb.append(':');
      if (e.getValue() == null) {
        sb.append("null");
      } else {
        quote(sb, e.getValue());
      }
    }
    return sb.append('}').toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  public static Map<String, String> decode(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    Parser p = new Parser(json);
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    p.skipWs();
    p.expect('{');
    p.skipWs();
    if (p.peek() == '}') {
      p.pos++;
      return Map.of();
    }
    while (true) {
      p.skipWs();
      String k = p.string();
      p.skipWs();
      p.expect(':');
      p.skipWs();
      String v;
      if (json.startsWith("null", p.pos)) {
        p.pos += 4;
        v = null;
      } else {
        v = p.string();
      }
      map.put(k, v);
      p.skipWs();
      char c = p.next();
      if (c == '}') {
        break;
      }
      if (c != ',') {
        throw new IllegalArgumentException("bad JSON map at " + (p.pos - 1) + ": " + json);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    char peek() {
      return s.charAt(pos);
    }

    char next() {
      return s.charAt(pos++);
    }

    void skipWs() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1) + ": " + s);
      }
    }

    String string() {
      expect('"');
      StringBuilder sb = null;
      int start = pos;
      while (true) {
        char c = next();
        if (c == '"') {
          return sb == null ? s.substring(start, pos - 1) : sb.toString();
        }
        if (c == '\\') {
          if (sb == null) {
            sb = new StringBuilder(s.substring(start, pos - 1));
          }
          char e = next();
          switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
              pos += 4;
            }
            default -> throw new IllegalArgumentException("bad escape in " + s);
          }
        } else if (sb != null) {
          sb.append(c);
        }
      }
    }
  }
}
