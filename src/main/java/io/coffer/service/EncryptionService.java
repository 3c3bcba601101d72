package io.coffer.service;

import io.coffer.crypto.SseRequest;
import io.coffer.meta.MetadataStore;
import io.coffer.model.BucketEncryption;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's default encryption (Put/Get/DeleteBucketEncryption), for the S3 front end and the
 * management API alike: both hand over the rule as the client spelled it, and the validation is
 * this one.
 */
public final class EncryptionService {
  /** x-amz-server-side-encryption / SSEAlgorithm for SSE-S3. */
  public static final String AES256 = "AES256";

  /** x-amz-server-side-encryption / SSEAlgorithm for SSE-KMS. */
  public static final String AWS_KMS = "aws:kms";

  /** Dual-layer SSE-KMS, which AWS has and Coffer does not. */
  private static final String AWS_KMS_DSSE = "aws:kms:dsse";

  private final MetadataStore store;
  private final BucketService buckets;

  public EncryptionService(MetadataStore store, BucketService buckets) {
    this.store = store;
    this.buckets = buckets;
  }

  /**
   * GetBucketEncryption (s3:GetEncryptionConfiguration).
   *
   * @throws CofferException SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND when the bucket has no
   *     default encryption
   */
  public BucketEncryption get(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_ENCRYPTION_CONFIGURATION);
    BucketEncryption encryption = ref.features().encryption();
    if (encryption == null) {
      throw new CofferException(
              ErrorCode.SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND,
              ErrorCode.SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND.defaultMessage())
          .with("BucketName", bucket);
    }
    return encryption;
  }

  /**
   * PutBucketEncryption (s3:PutEncryptionConfiguration): replaces the bucket's default with the
   * rule {@code algorithm} (AES256 or aws:kms), {@code kmsKeyId} (aws:kms only: a key's name or
   * ARN, null for the default key) and {@code bucketKeyEnabled}.
   *
   * <p>Refused: another algorithm (InvalidArgument; aws:kms:dsse NotImplemented), a key ID with
   * AES256 (InvalidArgument, as AWS), a malformed ARN (InvalidArgument), a key the key store does
   * not have (KMS.NotFoundException) or has disabled (KMS.DisabledException) — refused here rather
   * than on every later write that would use the rule.
   *
   * @return the rule as stored: an ARN reduced to the key's name
   */
  public BucketEncryption put(
      Caller caller,
      String bucket,
      String algorithm,
      @Nullable String kmsKeyId,
      boolean bucketKeyEnabled) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_ENCRYPTION_CONFIGURATION);
    BucketEncryption rule = validate(algorithm, kmsKeyId, bucketKeyEnabled);
    store.setBucketEncryption(bucket, ref.id(), rule);
    return rule;
  }

  /** DeleteBucketEncryption (s3:PutEncryptionConfiguration, as on AWS); none is no error. */
  public void delete(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_ENCRYPTION_CONFIGURATION);
    store.setBucketEncryption(bucket, ref.id(), null);
  }

  /**
   * What a write that sends no encryption headers gets in a bucket with default {@code encryption}
   * (its {@code BucketFeatures.encryption()}, null for none).
   */
  public static SseRequest defaultRequest(@Nullable BucketEncryption encryption) {
    if (encryption == null) {
      return SseRequest.NONE;
    }
    return switch (encryption.mode()) {
      case S3 -> new SseRequest.S3();
      case KMS -> new SseRequest.Kms(encryption.kmsKeyId(), null, encryption.bucketKeyEnabled());
      case CUSTOMER -> throw new IllegalStateException("a bucket default is never SSE-C");
    };
  }

  private BucketEncryption validate(
      String algorithm, @Nullable String kmsKeyId, boolean bucketKeyEnabled) {
    switch (algorithm) {
      case AES256 -> {
        if (kmsKeyId != null) {
          throw new CofferException(
              ErrorCode.INVALID_ARGUMENT,
              "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms");
        }
        return new BucketEncryption(Encryption.Mode.S3, null, bucketKeyEnabled);
      }
      case AWS_KMS -> {
        String name = kmsKeyId == null ? null : KmsKeyIds.name(kmsKeyId);
        if (name != null) {
          requireUsable(name);
        }
        return new BucketEncryption(Encryption.Mode.KMS, name, bucketKeyEnabled);
      }
      case AWS_KMS_DSSE ->
          throw new CofferException(
              ErrorCode.NOT_IMPLEMENTED,
              "Dual-layer server-side encryption (aws:kms:dsse) is not implemented.");
      default ->
          throw new CofferException(
              ErrorCode.INVALID_ARGUMENT,
              "The encryption algorithm must be AES256 or aws:kms, not " + algorithm + ".");
    }
  }

  private void requireUsable(String name) {
    KmsKey key =
        store
            .findKmsKey(name)
            .orElseThrow(
                () ->
                    new CofferException(
                        ErrorCode.KMS_NOT_FOUND, "Key '" + name + "' does not exist."));
    if (!key.enabled()) {
      throw new CofferException(ErrorCode.KMS_DISABLED, "Key '" + name + "' is disabled.");
    }
  }
}
