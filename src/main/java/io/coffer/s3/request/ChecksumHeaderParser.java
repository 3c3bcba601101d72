package io.coffer.s3.request;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.StoredChecksum;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The x-amz-checksum-* request headers: the one {@code x-amz-checksum-<algorithm>} a request may
 * carry (a body's checksum, or the object's on CompleteMultipartUpload), and x-amz-checksum-type.
 */
final class ChecksumHeaderParser {
  private static final String PREFIX = "x-amz-checksum-";

  private ChecksumHeaderParser() {}

  /** An algorithm and the value sent for it. */
  record Sent(ChecksumAlgorithm algorithm, String value) {}

  /**
   * The x-amz-checksum-&lt;algorithm&gt; header, or null when there is none; InvalidRequest for an
   * unknown algorithm, two algorithms, or a value {@code wellFormed} refuses.
   */
  static @Nullable Sent find(Headers headers, BiPredicate<ChecksumAlgorithm, String> wellFormed) {
    Sent sent = null;
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.startsWith(PREFIX)
          || lower.equals("x-amz-checksum-type")
          || lower.equals("x-amz-checksum-algorithm")
          || lower.equals("x-amz-checksum-mode")) {
        continue;
      }
      ChecksumAlgorithm found =
          ChecksumAlgorithm.fromHeaderName(lower)
              .orElseThrow(
                  () ->
                      new CofferException(
                          ErrorCode.INVALID_REQUEST, "Unknown checksum header " + name));
      if (sent != null && sent.algorithm() != found) {
        throw new CofferException(
            ErrorCode.INVALID_REQUEST,
            "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
      }
      sent = new Sent(found, Objects.requireNonNull(headers.get(name)).trim());
      if (!wellFormed.test(found, sent.value())) {
        throw new CofferException(
            ErrorCode.INVALID_REQUEST, "Value for " + found.headerName() + " header is invalid.");
      }
    }
    return sent;
  }

  /** x-amz-checksum-type in upper case (COMPOSITE or FULL_OBJECT), or null when not sent. */
  static @Nullable String type(Headers headers) {
    String type = headers.get("x-amz-checksum-type");
    if (type == null) {
      return null;
    }
    type = type.trim().toUpperCase(Locale.ROOT);
    if (!type.equals(StoredChecksum.COMPOSITE) && !type.equals(StoredChecksum.FULL_OBJECT)) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST, "Value for x-amz-checksum-type header is invalid.");
    }
    return type;
  }
}
