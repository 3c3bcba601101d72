package io.coffer.admin.api;

import io.coffer.admin.api.body.ObjectCopyBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.crypto.SseRequest;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.Encryption;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.WritePrecondition;
import io.coffer.service.AclRequest;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.CopyService;
import io.coffer.service.Names;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.ObjectService;
import io.coffer.service.ReadConditions;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An object's /copy (to another key or bucket: the console's copy, and its rename or move, which
 * deletes the source afterwards) and /metadata (content type and user metadata replaced, by a copy
 * onto itself as S3 does it). Both go through {@link CopyService}, so access, quotas, object lock
 * and versioning apply exactly as to CopyObject on the S3 port.
 */
final class ObjectCopyRoutes {
  private final BucketService buckets;
  private final ObjectService objects;
  private final CopyService copies;

  ObjectCopyRoutes(BucketService buckets, ObjectService objects, CopyService copies) {
    this.buckets = buckets;
    this.objects = objects;
    this.copies = copies;
  }

  void register(Router router) {
    router
        .addForUsers("POST", "/api/v1/buckets/{bucket}/objects/{key+}/copy", this::copy)
        .addForUsers(
            "POST", "/api/v1/buckets/{bucket}/objects/{key+}/metadata", this::replaceMetadata);
  }

  private HttpResponse copy(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = ObjectRoutes.key(request);
    ObjectCopyBodies.CopyRequest body = request.body(ObjectCopyBodies.CopyRequest.class, false);
    String requestedBucket = body.targetBucket();
    String targetBucket =
        requestedBucket == null || requestedBucket.isEmpty() ? bucket.name() : requestedBucket;
    String targetKey = body.targetKey();
    if (targetKey == null || targetKey.isEmpty()) {
      throw ApiException.invalid("target_key is required.");
    }
    Names.requireValidKey(targetKey);
    String requestedVersion = body.versionId();
    String versionId =
        requestedVersion == null || requestedVersion.isEmpty() ? null : requestedVersion;
    if (targetBucket.equals(bucket.name()) && targetKey.equals(key) && versionId == null) {
      throw ApiException.invalid("The copy would be the object itself: choose another key.");
    }
    Caller caller = request.caller();
    ObjectMeta source = sourceOf(caller, bucket.name(), key, versionId);
    return copied(caller, bucket.name(), key, versionId, source, targetBucket, targetKey, null);
  }

  private HttpResponse replaceMetadata(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = ObjectRoutes.key(request);
    ObjectCopyBodies.MetadataRequest body =
        request.body(ObjectCopyBodies.MetadataRequest.class, false);
    String contentType = UserMetadata.contentType(body.contentType());
    Map<String, String> metadata = UserMetadata.validated(body.metadata());
    Caller caller = request.caller();
    ObjectMeta source = sourceOf(caller, bucket.name(), key, null);
    // the other stored headers (Cache-Control, Content-Disposition, ...) stay as they were
    ObjectAttributes replaced = new ObjectAttributes(contentType, source.headers(), metadata);
    return copied(caller, bucket.name(), key, null, source, bucket.name(), key, replaced);
  }

  /**
   * Copies as the console does: unconditionally, keeping the source's encryption, with the source's
   * attributes unless {@code replaced} says otherwise.
   */
  private HttpResponse copied(
      Caller caller,
      String bucket,
      String key,
      @Nullable String versionId,
      ObjectMeta source,
      String targetBucket,
      String targetKey,
      @Nullable ObjectAttributes replaced) {
    CopyService.Copied copied =
        copies.copyObject(
            caller,
            bucket,
            key,
            versionId,
            ReadConditions.NONE,
            targetBucket,
            targetKey,
            replaced,
            null,
            WritePrecondition.NONE,
            ObjectLock.NONE,
            AclRequest.NONE,
            null,
            sameEncryption(source.encryption()),
            null);
    return JsonResponses.json(200, ObjectRoutes.detail(objects.details(caller, copied.object())));
  }

  /** The source's metadata, refusing an SSE-C object up front (the API never has its key). */
  private ObjectMeta sourceOf(
      Caller caller, String bucket, String key, @Nullable String versionId) {
    DownloadRoutes.refuseCustomerKeyed(objects, caller, bucket, key, versionId);
    return objects.details(caller, bucket, key, versionId).meta();
  }

  /**
   * A copy made by the console keeps the source's kind of encryption (and its KMS key), where S3's
   * CopyObject without headers would take the target bucket's default: moving or editing an object
   * must not quietly change how it is protected. An unencrypted source follows the bucket default.
   */
  private static SseRequest sameEncryption(@Nullable Encryption encryption) {
    if (encryption == null) {
      return SseRequest.NONE;
    }
    return switch (encryption.mode()) {
      case S3 -> new SseRequest.S3();
      case KMS ->
          new SseRequest.Kms(
              encryption.keyId(), encryption.kmsContext(), encryption.bucketKeyEnabled());
      case CUSTOMER -> throw new IllegalStateException("SSE-C sources are refused before");
    };
  }
}
