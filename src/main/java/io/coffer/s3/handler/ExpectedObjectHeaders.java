package io.coffer.s3.handler;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.checksum.Checksums;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.StoredChecksum;
import io.coffer.s3.S3Request;
import io.coffer.service.ExpectedObject;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the x-amz-checksum-*, x-amz-checksum-type and x-amz-mp-object-size headers of a
 * CompleteMultipartUpload: the checksum (full-object, or composite with an optional "-N") and size
 * the completed object must have.
 */
final class ExpectedObjectHeaders {
  private static final String PREFIX = "x-amz-checksum-";
  private static final Pattern COMPOSITE_SUFFIX = Pattern.compile("(.*)-([1-9][0-9]{0,4})");

  private ExpectedObjectHeaders() {}

  static ExpectedObject expected(S3Request request) {
    ChecksumAlgorithm algorithm = null;
    String value = null;
    for (String name : request.http().headers().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.startsWith(PREFIX)
          || lower.equals("x-amz-checksum-type")
          || lower.equals("x-amz-checksum-algorithm")
          || lower.equals("x-amz-checksum-mode")) {
        continue;
      }
      ChecksumAlgorithm found =
          ChecksumAlgorithm.fromHeaderName(lower)
              .orElseThrow(() -> new CofferException(ErrorCode.INVALID_REQUEST, "Unknown checksum header " + name));
      if (algorithm != null && algorithm != found) {
        throw new CofferException(
            ErrorCode.INVALID_REQUEST, "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
      }
      algorithm = found;
      value = request.header(name).trim();
      if (!wellFormed(algorithm, value)) {
        throw new CofferException(ErrorCode.INVALID_REQUEST, "Value for " + found.headerName() + " header is invalid.");
      }
    }
    String type = request.header("x-amz-checksum-type");
    if (type != null) {
      type = type.trim().toUpperCase(Locale.ROOT);
      if (!type.equals(StoredChecksum.COMPOSITE) && !type.equals(StoredChecksum.FULL_OBJECT)) {
        throw new CofferException(ErrorCode.INVALID_REQUEST, "Value for x-amz-checksum-type header is invalid.");
      }
    }
    return new ExpectedObject(algorithm, value, type, objectSize(request.header("x-amz-mp-object-size")));
  }

  private static @Nullable Long objectSize(String header) {
    if (header == null) {
      return null;
    }
    String digits = header.trim();
    if (!digits.matches("[0-9]{1,18}")) {
      throw new CofferException(ErrorCode.INVALID_REQUEST, "Value for x-amz-mp-object-size header is invalid.");
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
