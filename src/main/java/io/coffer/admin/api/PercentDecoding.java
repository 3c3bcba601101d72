package io.coffer.admin.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict percent-decoding of paths and queries: a malformed escape or bytes that are not UTF-8 are
 * a 400, not something quietly passed on. Each piece of a request is decoded exactly once, after
 * routing, so "%2F" in a key is a slash in the key and never a path separator.
 */
final class PercentDecoding {
  private PercentDecoding() {}

  /** A path or path segment: '+' is a plus sign. */
  static String path(String raw) {
    return decode(raw, false);
  }

  /** The query's names and first values; '+' is a space, as forms encode it. */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      values.putIfAbsent(name, value);
    }
    return values;
  }

  private static String decode(String raw, boolean plusIsSpace) {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          throw ApiException.invalid("The request URI contains a malformed percent-escape.");
        }
        bytes.put((byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.put((byte) ' ');
      } else {
        // The HTTP layer hands over the request line one char per byte.
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.invalid("The request URI is not valid UTF-8 once decoded.");
    }
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
