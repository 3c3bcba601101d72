package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Bodies of /api/v1/buckets/{bucket}/encryption and the encryption in an object's details. */
public final class EncryptionBodies {
  private EncryptionBodies() {}

  /**
   * A bucket's default encryption, in a PUT and in every answer: algorithm "AES256" (SSE-S3) or
   * "aws:kms" (SSE-KMS; kms_key_id a key's name or ARN, null or absent for the default key).
   * Answers give algorithm null for a bucket without a default.
   */
  public record BucketDefault(
      @JsonProperty("algorithm") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String algorithm,
      @JsonProperty("kms_key_id") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String kmsKeyId,
      @JsonProperty("bucket_key_enabled") @Nullable Boolean bucketKeyEnabled) {}

  /**
   * How one object version is encrypted at rest; nothing of its keys but the KMS key's name.
   *
   * @param mode "SSE-S3", "SSE-KMS" or "SSE-C"
   * @param algorithm the value of x-amz-server-side-encryption (AES256, aws:kms), or of the
   *     customer algorithm for SSE-C
   * @param kmsKeyId the KMS key's name for SSE-KMS, else null
   */
  public record ObjectEncryption(
      @JsonProperty("mode") String mode,
      @JsonProperty("algorithm") String algorithm,
      @JsonProperty("kms_key_id") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String kmsKeyId,
      @JsonProperty("bucket_key_enabled") boolean bucketKeyEnabled) {}
}
