package io.coffer.s3.request;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.checksum.Checksums;
import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.service.ExpectedObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the x-amz-checksum-*, x-amz-checksum-type and x-amz-mp-object-size headers of a
 * CompleteMultipartUpload: the checksum (full-object, or composite with an optional "-N") and size
 * the completed object must have.
 */
final class ExpectedObjectHeaders {
  private static final Pattern COMPOSITE_SUFFIX = Pattern.compile("(.*)-([1-9][0-9]{0,4})");

  private ExpectedObjectHeaders() {}

  static ExpectedObject expected(Headers headers) {
    ChecksumHeaderParser.Sent sent =
        ChecksumHeaderParser.find(headers, ExpectedObjectHeaders::wellFormed);
    String type = ChecksumHeaderParser.type(headers);
    return new ExpectedObject(
        sent == null ? null : sent.algorithm(),
        sent == null ? null : sent.value(),
        type,
        objectSize(headers.get("x-amz-mp-object-size")));
  }

  private static @Nullable Long objectSize(@Nullable String header) {
    if (header == null) {
      return null;
    }
    String digits = header.trim();
    if (!digits.matches("[0-9]{1,18}")) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST, "Value for x-amz-mp-object-size header is invalid.");
    }
    return Long.parseLong(digits);
  }

  /** The algorithm's digest in base64, optionally followed by "-N" (a composite's part count). */
  private static boolean wellFormed(ChecksumAlgorithm algorithm, String value) {
    Matcher composite = COMPOSITE_SUFFIX.matcher(value);
    String digest = composite.matches() ? composite.group(1) : value;
    return Checksums.decode(algorithm, digest).isPresent();
  }
}
