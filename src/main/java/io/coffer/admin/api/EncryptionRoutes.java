package io.coffer.admin.api;

import io.coffer.admin.api.body.EncryptionBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.BucketEncryption;
import io.coffer.model.CofferException;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import io.coffer.service.BucketService;
import io.coffer.service.EncryptionService;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * /api/v1/buckets/{bucket}/encryption: a bucket's default encryption as JSON, validated by {@link
 * EncryptionService} exactly as PutBucketEncryption is.
 */
final class EncryptionRoutes {
  private final BucketService buckets;
  private final EncryptionService encryption;

  EncryptionRoutes(BucketService buckets, EncryptionService encryption) {
    this.buckets = buckets;
    this.encryption = encryption;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/encryption", this::get)
        .add("PUT", "/api/v1/buckets/{bucket}/encryption", this::put)
        .add("DELETE", "/api/v1/buckets/{bucket}/encryption", this::delete);
  }

  /** algorithm null for a bucket without a default. */
  private HttpResponse get(ApiRequest request) {
    String bucket = BucketRoutes.require(buckets, request).name();
    try {
      return JsonResponses.json(200, view(encryption.get(request.caller(), bucket)));
    } catch (CofferException e) {
      if (e.code() == ErrorCode.SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND) {
        return JsonResponses.json(200, new EncryptionBodies.BucketDefault(null, null, false));
      }
      throw e;
    }
  }

  private HttpResponse put(ApiRequest request) throws IOException {
    String bucket = BucketRoutes.require(buckets, request).name();
    EncryptionBodies.BucketDefault body = request.body(EncryptionBodies.BucketDefault.class, false);
    String algorithm = body.algorithm();
    if (algorithm == null) {
      throw ApiException.invalid(
          "algorithm is required: AES256 or aws:kms; DELETE removes the bucket's default.");
    }
    Boolean bucketKey = body.bucketKeyEnabled();
    BucketEncryption stored =
        encryption.put(
            request.caller(),
            bucket,
            algorithm,
            emptyToNull(body.kmsKeyId()),
            Boolean.TRUE.equals(bucketKey));
    return JsonResponses.json(200, view(stored));
  }

  private HttpResponse delete(ApiRequest request) {
    encryption.delete(request.caller(), BucketRoutes.require(buckets, request).name());
    return JsonResponses.done();
  }

  private static EncryptionBodies.BucketDefault view(BucketEncryption rule) {
    return new EncryptionBodies.BucketDefault(
        rule.mode() == Encryption.Mode.KMS ? EncryptionService.AWS_KMS : EncryptionService.AES256,
        rule.kmsKeyId(),
        rule.bucketKeyEnabled());
  }

  /** The console sends "" for "the default key". */
  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
