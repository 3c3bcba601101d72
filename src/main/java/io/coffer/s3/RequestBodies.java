package io.coffer.s3;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.checksum.Checksums;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.auth.AwsChunkedInputStream;
import io.coffer.s3.auth.PayloadMode;
import io.coffer.service.PayloadChecks;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The body of a write as the service needs it: aws-chunked framing removed and chunk signatures
 * checked as it streams, its decoded length, and what it must be checked against.
 */
public record RequestBodies(InputStream stream, long length, PayloadChecks checks) {

  private static final String CHECKSUM_PREFIX = "x-amz-checksum-";

  public static RequestBodies open(S3Request request) {
    return open(request, true);
  }

  /**
   * The body of a CompleteMultipartUpload, whose x-amz-checksum-* headers are the expected checksum
   * of the object being completed, not of the XML document (Content-MD5, the signed payload hash
   * and trailers still check the document).
   */
  public static RequestBodies openWithObjectChecksumHeaders(S3Request request) {
    return open(request, false);
  }

  private static RequestBodies open(S3Request request, boolean checksumHeadersDescribeBody) {
    PayloadMode mode = request.auth().payloadMode();
    InputStream stream = request.http().body();
    long length = request.http().contentLength();
    Supplier<String> trailing = null;
    String trailerName = lower(request.header("x-amz-trailer"));
    if (mode.isStreaming()) {
      AwsChunkedInputStream chunked =
          AwsChunkedInputStream.open(request.auth(), stream, new AuthHeaders(request.http().headers()));
      stream = chunked;
      length = decodedLength(request);
      if (trailerName != null) {
        trailing = () -> chunked.trailers().get(trailerName);
      }
    } else if (length < 0 && !request.http().headers().contains("Transfer-Encoding")) {
      length = 0;
    }
    String sha256 = mode == PayloadMode.SIGNED ? request.auth().expectedPayloadSha256() : null;
    return new RequestBodies(
        stream, length, checks(request, sha256, trailerName, trailing, checksumHeadersDescribeBody));
  }

  /** The whole body, read and checked before anything acts on it (for XML documents). */
  public java.io.InputStream verifiedStream() {
    return io.coffer.service.SmallBodies.readVerified(stream, checks);
  }

  private static long decodedLength(S3Request request) {
    String decoded = request.header("x-amz-decoded-content-length");
    if (decoded == null) {
      return -1;
    }
    try {
      return Long.parseLong(decoded.trim());
    } catch (NumberFormatException e) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "x-amz-decoded-content-length is not a number.");
    }
  }

  private static PayloadChecks checks(
      S3Request request,
      @Nullable String sha256,
      @Nullable String trailerName,
      @Nullable Supplier<String> trailing,
      boolean checksumHeadersDescribeBody) {
    ChecksumAlgorithm algorithm = null;
    String value = null;
    for (String name : checksumHeadersDescribeBody ? request.http().headers().names() : Set.<String>of()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith(CHECKSUM_PREFIX) && !lower.equals("x-amz-checksum-type")
          && !lower.equals("x-amz-checksum-algorithm") && !lower.equals("x-amz-checksum-mode")) {
        ChecksumAlgorithm found =
            ChecksumAlgorithm.fromHeaderName(lower)
                .orElseThrow(() -> new CofferException(ErrorCode.INVALID_REQUEST, "Unknown checksum header " + name));
        if (algorithm != null && algorithm != found) {
          throw new CofferException(ErrorCode.INVALID_REQUEST, "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }
        algorithm = found;
        value = request.header(name).trim();
        ChecksumAlgorithm checked = algorithm;
        if (Checksums.decode(algorithm, value).isEmpty()) {
          throw new CofferException(
              ErrorCode.INVALID_REQUEST, "Value for " + checked.headerName() + " header is invalid.");
        }
      }
    }
    if (algorithm == null && trailerName != null && trailerName.startsWith(CHECKSUM_PREFIX)) {
      algorithm =
          ChecksumAlgorithm.fromHeaderName(trailerName)
              .orElseThrow(() -> new CofferException(ErrorCode.INVALID_REQUEST, "Unsupported trailer " + trailerName));
    } else {
      trailing = null;
    }
    if (algorithm == null && checksumHeadersDescribeBody) {
      String requested = request.header("x-amz-sdk-checksum-algorithm");
      if (requested == null) {
        requested = request.header("x-amz-checksum-algorithm");
      }
      if (requested != null) {
        String name = requested.trim();
        algorithm =
            ChecksumAlgorithm.fromName(name)
                .orElseThrow(() -> new CofferException(ErrorCode.INVALID_REQUEST, "Checksum algorithm " + name + " is not supported."));
      }
    }
    return new PayloadChecks(request.header("Content-MD5"), sha256, algorithm, value, trailing);
  }

  private static @Nullable String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
