package io.coffer.s3.auth;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import org.jspecify.annotations.Nullable;

/** How the request body is protected, as declared by {@code x-amz-content-sha256}. */
public enum PayloadMode {
  /** The header carries the body's SHA-256, which the caller must check against the body. */
  SIGNED(null),
  /** {@code UNSIGNED-PAYLOAD}: the body is not covered by the signature. */
  UNSIGNED("UNSIGNED-PAYLOAD"),
  /** {@code aws-chunked} body whose every chunk is signed. */
  STREAMING_SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
  /** {@code aws-chunked} body with unsigned chunks and unsigned trailers. */
  STREAMING_UNSIGNED_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
  /** {@code aws-chunked} body with signed chunks and signed trailers. */
  STREAMING_SIGNED_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");

  private static final String SIGV4A_PREFIX = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD";

  private final @Nullable String headerValue;

  PayloadMode(@Nullable String headerValue) {
    this.headerValue = headerValue;
  }

  /** The literal {@code x-amz-content-sha256} value of this mode; null for {@link #SIGNED}. */
  public @Nullable String headerValue() {
    return headerValue;
  }

  /** Whether the body is {@code aws-chunked} and must go through {@link AwsChunkedInputStream}. */
  public boolean isStreaming() {
    return this == STREAMING_SIGNED
        || this == STREAMING_UNSIGNED_TRAILER
        || this == STREAMING_SIGNED_TRAILER;
  }

  /** Whether each chunk carries a signature chained from the request's seed signature. */
  public boolean chunksSigned() {
    return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
  }

  /** Whether trailing headers follow the last chunk. */
  public boolean hasTrailer() {
    return this == STREAMING_UNSIGNED_TRAILER || this == STREAMING_SIGNED_TRAILER;
  }

  /** Reads an {@code x-amz-content-sha256} value. */
  public static PayloadMode parse(String value) {
    for (PayloadMode mode : values()) {
      if (value.equals(mode.headerValue)) {
        return mode;
      }
    }
    if (Hex.isSha256(value)) {
      return SIGNED;
    }
    if (value.startsWith(SIGV4A_PREFIX)) {
      throw new CofferException(
          ErrorCode.NOT_IMPLEMENTED, "SigV4a (ECDSA) chunk signing is not implemented.");
    }
    throw new CofferException(
        ErrorCode.INVALID_ARGUMENT,
        "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER,"
            + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER,"
            + " or a valid sha256 value.");
  }
}
