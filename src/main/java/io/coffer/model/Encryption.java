package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * How one object version (or an upload's parts) is encrypted at rest. Every encrypted object has a
 * data key of its own; what is kept is that key sealed by another one, never a key in the clear.
 *
 * @param mode which kind of server-side encryption the client asked for (or the bucket's default)
 * @param keyId the name of the key that sealed the data key: the master key's name for SSE-S3, the
 *     KMS key's name for SSE-KMS, "" for SSE-C (the customer's key, which is never kept)
 * @param sealedKey the data key sealed by that key (format: io.coffer.crypto)
 * @param kmsContext the SSE-KMS encryption context as the client sent it (base64 of JSON), or null
 * @param bucketKeyEnabled x-amz-server-side-encryption-bucket-key-enabled as requested (SSE-KMS)
 * @param customerKeyCheck for SSE-C, a salted keyed hash that recognises the customer's key
 *     (format: io.coffer.crypto); null otherwise
 */
public record Encryption(
    Mode mode,
    String keyId,
    byte[] sealedKey,
    @Nullable String kmsContext,
    boolean bucketKeyEnabled,
    byte @Nullable [] customerKeyCheck) {

  /** The three kinds of server-side encryption S3 defines. */
  public enum Mode {
    /** SSE-S3: x-amz-server-side-encryption: AES256, keys managed by the server. */
    S3("AES256"),
    /** SSE-KMS: x-amz-server-side-encryption: aws:kms, with a named key of the key store. */
    KMS("aws:kms"),
    /** SSE-C: the client sends its key with every request; the server never keeps it. */
    CUSTOMER("AES256");

    private final String headerValue;

    Mode(String headerValue) {
      this.headerValue = headerValue;
    }

    /**
     * The value of x-amz-server-side-encryption (SSE-S3, SSE-KMS) or of
     * x-amz-server-side-encryption-customer-algorithm (SSE-C).
     */
    public String headerValue() {
      return headerValue;
    }
  }
}
