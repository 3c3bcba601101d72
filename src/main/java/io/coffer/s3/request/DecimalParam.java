package io.coffer.s3.request;

import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.OptionalInt;

/**
 * A query parameter S3 defines as a non-negative decimal integer (partNumber, max-keys, max-parts,
 * part-number-marker...): ASCII digits only, where {@code Integer.parseInt} would also take a sign
 * and the digits of other scripts.
 */
public final class DecimalParam {
  private DecimalParam() {}

  /** The value if it is all ASCII digits and within [min, max]; empty otherwise. */
  public static OptionalInt parse(String value, int min, int max) {
    if (value == null || value.isEmpty() || value.length() > 10) {
      return OptionalInt.empty();
    }
    long number = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalInt.empty();
      }
      number = number * 10 + (c - '0');
    }
    return number < min || number > max ? OptionalInt.empty() : OptionalInt.of((int) number);
  }

  /**
   * A decimal query parameter within [min, max], {@code absent} when it is not sent or empty;
   * InvalidArgument otherwise.
   */
  static int query(Query query, String name, int absent, int min, int max) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    return parse(value.trim(), min, max)
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.INVALID_ARGUMENT, "Invalid value for " + name + ": " + value));
  }
}
