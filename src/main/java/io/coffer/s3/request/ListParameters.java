package io.coffer.s3.request;

import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The parameters every object listing shares: {@code prefix}, {@code delimiter}, {@code max-keys}
 * and {@code encoding-type}.
 *
 * @param prefix "" when not sent
 * @param delimiter null when not sent or empty
 * @param maxKeys at most {@value #MAX_KEYS}
 * @param urlEncoded whether keys and prefixes in the response are URL-encoded
 */
public record ListParameters(
    String prefix, @Nullable String delimiter, int maxKeys, boolean urlEncoded) {
  public static final int MAX_KEYS = 1000;

  static ListParameters of(Query query) {
    String prefix = query.get("prefix");
    String delimiter = nonEmpty(query, "delimiter");
    String encoding = query.get("encoding-type");
    if (encoding != null && !encoding.equals("url")) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request");
    }
    return new ListParameters(
        prefix == null ? "" : prefix, delimiter, maxKeys(query), encoding != null);
  }

  private static int maxKeys(Query query) {
    String value = query.get("max-keys");
    if (value == null) {
      value = query.get("max-uploads");
    }
    if (value == null || value.isEmpty()) {
      return MAX_KEYS;
    }
    int parsed =
        DecimalParam.parse(value.trim(), 0, Integer.MAX_VALUE)
            .orElseThrow(
                () ->
                    new CofferException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Provided max-keys not an integer or within integer range"));
    return Math.min(parsed, MAX_KEYS);
  }

  /** A query parameter whose empty value means the same as its absence. */
  static @Nullable String nonEmpty(Query query, String name) {
    String value = query.get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
