package io.coffer.admin.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks a content type and user metadata sent as JSON, with the rules their S3 headers have: each
 * name becomes an {@code x-amz-meta-} header, so it must be an HTTP token (stored lower-case, as S3
 * does), values must be sendable as header values, and names and values together are at most 2 KB.
 */
final class UserMetadata {
  private static final int MAX_TOTAL_BYTES = 2048;
  private static final int MAX_CONTENT_TYPE = 256;
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private UserMetadata() {}

  static String contentType(@Nullable String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw ApiException.invalid("content_type is required, e.g. \"text/plain\".");
    }
    if (contentType.length() > MAX_CONTENT_TYPE
        || !isHeaderValue(contentType)
        || contentType.indexOf('/') <= 0) {
      throw ApiException.invalid(
          "content_type must be a media type such as \"image/png\" (printable ASCII, at most 256"
              + " characters).");
    }
    return contentType.strip();
  }

  /** The metadata with lower-case names; an absent map is none. */
  static Map<String, String> validated(@Nullable Map<String, String> metadata) {
    Map<String, String> result = new TreeMap<>();
    if (metadata == null) {
      return result;
    }
    int total = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (name.isEmpty() || !name.chars().allMatch(UserMetadata::isTokenChar)) {
        throw ApiException.invalid(
            "Metadata name \""
                + name
                + "\" is not allowed: use letters, digits and - _ . (it is sent as the header"
                + " x-amz-meta-<name>).");
      }
      if (value == null || !isHeaderValue(value)) {
        throw ApiException.invalid(
            "The value of metadata \"" + name + "\" must be printable ASCII text.");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (result.put(lower, value) != null) {
        throw ApiException.invalid(
            "Metadata names are not case-sensitive: \"" + lower + "\" is given twice.");
      }
      total += lower.length() + value.getBytes(StandardCharsets.UTF_8).length;
    }
    if (total > MAX_TOTAL_BYTES) {
      throw ApiException.invalid(
          "User metadata is limited to 2 KB (names and values together), as on S3.");
    }
    return result;
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || TOKEN_SYMBOLS.indexOf(c) >= 0;
  }

  /** Printable ASCII and spaces: no control characters (no header splitting), nothing encoded. */
  private static boolean isHeaderValue(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }
}
