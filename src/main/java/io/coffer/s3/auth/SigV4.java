package io.coffer.s3.auth;

import java.time.Duration;

/** The fixed strings and limits of AWS Signature Version 4 as S3 uses it. */
final class SigV4 {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String SIGV4A_ALGORITHM = "AWS4-ECDSA-P256-SHA256";
  static final String SERVICE = "s3";
  static final String TERMINATOR = "aws4_request";
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** How far a request's timestamp may be from the server clock. */
  static final Duration MAX_SKEW = Duration.ofMinutes(15);

  /** The longest life of a presigned URL, in seconds (seven days). */
  static final long MAX_EXPIRES_SECONDS = 604_800;

  private SigV4() {}
}
