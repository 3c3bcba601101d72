package io.coffer.s3.request;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.auth.AwsChunkedInputStream;
import io.coffer.s3.auth.PayloadMode;
import io.coffer.service.PayloadChecks;
import io.coffer.service.SmallBodies;
import java.io.InputStream;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The body of a write as the service needs it: aws-chunked framing removed and chunk signatures
 * checked as it streams, its decoded length, and what it must be checked against. Only the framing
 * headers are read here; what the body must match the parser has read into {@link BodyChecksums}.
 */
public record RequestBodies(InputStream stream, long length, PayloadChecks checks) {

  public static RequestBodies open(S3Request request, BodyChecksums expected) {
    PayloadMode mode = request.auth().payloadMode();
    InputStream stream = request.http().body();
    long length = request.http().contentLength();
    Supplier<String> trailing = null;
    if (mode.isStreaming()) {
      AwsChunkedInputStream chunked =
          AwsChunkedInputStream.open(request.auth(), stream, request.http().headers());
      stream = chunked;
      length = decodedLength(request.http().headers().get("x-amz-decoded-content-length"));
      String trailer = expected.trailer();
      if (trailer != null) {
        trailing = () -> chunked.trailers().get(trailer);
      }
    } else if (length < 0 && !request.http().headers().contains("Transfer-Encoding")) {
      length = 0;
    }
    String sha256 = mode == PayloadMode.SIGNED ? request.auth().expectedPayloadSha256() : null;
    PayloadChecks checks =
        new PayloadChecks(
            expected.contentMd5(), sha256, expected.algorithm(), expected.value(), trailing);
    return new RequestBodies(stream, length, checks);
  }

  /** The whole body, read and checked before anything acts on it (for XML documents). */
  public InputStream verifiedStream() {
    return SmallBodies.readVerified(stream, checks);
  }

  private static long decodedLength(@Nullable String decoded) {
    if (decoded == null) {
      return -1;
    }
    try {
      return Long.parseLong(decoded.trim());
    } catch (NumberFormatException e) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "x-amz-decoded-content-length is not a number.");
    }
  }
}
