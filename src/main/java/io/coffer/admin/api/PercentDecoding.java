package io.coffer.admin.api;

import io.coffer.http.MalformedUriException;
import io.coffer.http.UriCodec;
import java.util.Map;
import java.util.Objects;

/**
 * How the management API decodes request URIs: with {@link UriCodec#STRICT}, so a malformed escape
 * or bytes that are not UTF-8 are a 400, not something quietly passed on. Each piece of a request
 * is decoded exactly once, after routing, so "%2F" in a key is a slash in the key and never a path
 * separator.
 */
final class PercentDecoding {
  private PercentDecoding() {}

  /** A path or path segment: '+' is a plus sign. */
  static String path(String raw) {
    try {
      return UriCodec.STRICT.decodePath(raw);
    } catch (MalformedUriException e) {
      throw ApiException.invalid(Objects.requireNonNull(e.getMessage()));
    }
  }

  /** The query's names and first values; '+' is a space, as forms encode it. */
  static Map<String, String> query(String rawQuery) {
    try {
      return UriCodec.STRICT.parseQuery(rawQuery).all();
    } catch (MalformedUriException e) {
      throw ApiException.invalid(Objects.requireNonNull(e.getMessage()));
    }
  }
}
