package io.coffer.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The server-side encryption a write asks for, from its headers or, when it sends none, from the
 * bucket's default. Parsed once by the S3 front end; the services never see a header.
 */
public sealed interface SseRequest {

  /** No encryption asked for, and no bucket default. */
  record None() implements SseRequest {}

  /** SSE-S3: x-amz-server-side-encryption: AES256. */
  record S3() implements SseRequest {}

  /**
   * SSE-KMS: x-amz-server-side-encryption: aws:kms.
   *
   * @param keyId the key's name (an ARN already reduced to it), or null for the default key
   * @param context x-amz-server-side-encryption-context as sent (base64 of a JSON object), or null
   * @param bucketKeyEnabled x-amz-server-side-encryption-bucket-key-enabled
   */
  record Kms(@Nullable String keyId, @Nullable String context, boolean bucketKeyEnabled)
      implements SseRequest {}

  /** SSE-C: the customer's key, sent with the request. */
  record Customer(CustomerKey key) implements SseRequest {}

  SseRequest NONE = new None();
}
