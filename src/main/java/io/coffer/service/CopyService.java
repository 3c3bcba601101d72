package io.coffer.service;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.DataKey;
import io.coffer.crypto.SseRequest;
import io.coffer.model.Acl;
import io.coffer.model.BucketRef;
import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventName;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.WritePrecondition;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Server-side copies: CopyObject and UploadPartCopy. The source streams through the same one-pass
 * writer as an upload, so a copy of any size uses a fixed amount of memory.
 */
public final class CopyService {
  private final BucketService buckets;
  private final ObjectService objects;
  private final MultipartService multipart;

  public CopyService(BucketService buckets, ObjectService objects, MultipartService multipart) {
    this.buckets = buckets;
    this.objects = objects;
    this.multipart = multipart;
  }

  /** A copy made, and the version of the source it was made from. */
  public record Copied(ObjectMeta object, String sourceVersionId) {}

  /**
   * A part copied into an upload, the version of the source it was copied from, and the upload's
   * encryption (null for none).
   */
  public record CopiedPart(Part part, String sourceVersionId, @Nullable Encryption encryption) {}

  /**
   * Copies an object, the copy getting the ACL the request's headers ask for (never the source's,
   * as on AWS). The source is decrypted with its own key ({@code sourceCustomerKey} for SSE-C) and
   * the copy encrypted as {@code sse} asks, else as the target bucket's default says: never as the
   * source was, as on AWS.
   *
   * @param sse the target's encryption headers ({@link SseRequest#NONE} for none)
   * @param sourceCustomerKey the source's SSE-C key, or null
   */
  public Copied copyObject(
      Caller caller,
      String sourceBucket,
      String sourceKey,
      @Nullable String sourceVersionId,
      ReadConditions sourceConditions,
      String bucket,
      String key,
      @Nullable ObjectAttributes replacement,
      @Nullable ChecksumAlgorithm checksumAlgorithm,
      WritePrecondition precondition,
      ObjectLock lock,
      AclRequest aclRequest,
      @Nullable Map<String, String> replacementTags,
      SseRequest sse,
      @Nullable CustomerKey sourceCustomerKey) {
    BucketService.ObjectAccess sourceRef =
        sourceRef(caller, sourceBucket, sourceKey, sourceVersionId);
    BucketRef target = buckets.requireRef(caller, bucket, Action.PUT_OBJECT, key);
    String bucketId = target.id();
    Names.requireValidKey(key);
    ObjectLock newLock = ObjectLocks.forNewVersion(target, lock, objects.now());
    Acl acl = objects.aclForNewObject(caller, target, aclRequest);
    if (sourceBucket.equals(bucket)
        && sourceKey.equals(key)
        && sourceVersionId == null
        && replacement == null
        && sse instanceof SseRequest.None) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "This copy request is illegal because it is trying to copy an object to itself without"
              + " changing the object's metadata, storage class, website redirect location or"
              + " encryption attributes.");
    }
    ObjectRead source =
        opened(
            objects.open(
                caller,
                sourceRef,
                sourceBucket,
                sourceKey,
                sourceVersionId,
                sourceConditions,
                null,
                null,
                sourceCustomerKey));
    ObjectMeta from = source.meta();
    if (replacementTags == null && !from.tags().isEmpty()) {
      try {
        requireTagsReadable(caller, sourceBucket, sourceKey, sourceVersionId, from);
      } catch (RuntimeException e) {
        source.close();
        throw e;
      }
    }
    ChecksumAlgorithm algorithm =
        checksumAlgorithm != null
            ? checksumAlgorithm
            : from.checksum() != null
                ? ChecksumAlgorithm.valueOf(from.checksum().algorithm())
                : null;
    DataKey dataKey;
    try {
      dataKey =
          ObjectEncryption.newKey(
              objects.keys(), ObjectEncryption.effective(sse, target.features().encryption()));
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
    StoredBody stored = storeFrom(source, bucket, target, bucketId, algorithm, null, dataKey);
    ObjectAttributes attributes =
        replacement != null
            ? replacement
            : new ObjectAttributes(from.contentType(), from.headers(), from.userMetadata());
    return new Copied(
        objects.commitNew(
            bucketId,
            bucket,
            key,
            stored,
            attributes,
            precondition,
            newLock,
            acl,
            replacementTags != null ? replacementTags : from.tags(),
            dataKey,
            EventDrafts.of(caller, EventName.OBJECT_CREATED_COPY)),
        from.versionId());
  }

  /**
   * A copy that keeps the source's tags reads them: as on AWS, the caller also needs
   * s3:GetObjectTagging (s3:GetObjectVersionTagging for a version named by its ID) on the source.
   */
  private void requireTagsReadable(
      Caller caller, String bucket, String key, @Nullable String versionId, ObjectMeta source) {
    Action action =
        versionId == null ? Action.GET_OBJECT_TAGGING : Action.GET_OBJECT_VERSION_TAGGING;
    buckets.requireReadable(
        caller, buckets.copySourceAccess(caller, bucket, action, key), action, () -> source);
  }

  private BucketService.ObjectAccess sourceRef(
      Caller caller, String bucket, String key, @Nullable String versionId) {
    if (versionId != null) {
      ObjectService.requireWellFormed(versionId);
    }
    return buckets.copySourceAccess(
        caller, bucket, versionId == null ? Action.GET_OBJECT : Action.GET_OBJECT_VERSION, key);
  }

  /**
   * Copies a source object, or a range of it, into a part of an upload, encrypted with the upload's
   * data key.
   *
   * @param customerKey the upload's SSE-C key (required for an SSE-C upload), or null
   * @param sourceCustomerKey the source's SSE-C key, or null
   */
  public CopiedPart uploadPartCopy(
      Caller caller,
      String sourceBucket,
      String sourceKey,
      @Nullable String sourceVersionId,
      ReadConditions sourceConditions,
      @Nullable ByteRange sourceRange,
      String bucket,
      String key,
      String uploadId,
      int partNumber,
      @Nullable CustomerKey customerKey,
      @Nullable CustomerKey sourceCustomerKey) {
    MultipartService.requirePartNumber(partNumber);
    BucketService.ObjectAccess sourceRef =
        sourceRef(caller, sourceBucket, sourceKey, sourceVersionId);
    BucketRef target = buckets.requireRef(caller, bucket, Action.PUT_OBJECT, key);
    MultipartUpload upload = multipart.find(bucket, key, uploadId);
    String bucketId = multipart.uploadBucketId(upload);
    DataKey dataKey = ObjectEncryption.forPart(objects.keys(), upload.encryption(), customerKey);
    ObjectRead source =
        opened(
            objects.open(
                caller,
                sourceRef,
                sourceBucket,
                sourceKey,
                sourceVersionId,
                sourceConditions,
                sourceRange,
                null,
                sourceCustomerKey));
    ChecksumAlgorithm algorithm =
        upload.checksumAlgorithm() == null
            ? null
            : ChecksumAlgorithm.valueOf(upload.checksumAlgorithm());
    StoredBody stored =
        storeFrom(source, bucket, target, bucketId, algorithm, upload.uploadId(), dataKey);
    return new CopiedPart(
        multipart.recordPart(bucketId, upload, partNumber, stored, dataKey),
        source.meta().versionId(),
        upload.encryption());
  }

  /** A copy source that is "not modified" fails the copy: 412 where a GET answers 304. */
  private static ObjectRead opened(ReadResult source) {
    return switch (source) {
      case ObjectRead read -> read;
      case ReadResult.NotModified notModified ->
          throw new CofferException(ErrorCode.PRECONDITION_FAILED);
    };
  }

  /**
   * Stores the source's bytes under {@code bucketId}, if the target bucket's quota has room for
   * them; the source is closed either way.
   */
  private StoredBody storeFrom(
      ObjectRead source,
      String bucket,
      BucketRef target,
      String bucketId,
      @Nullable ChecksumAlgorithm algorithm,
      @Nullable String uploadId,
      @Nullable DataKey dataKey) {
    PayloadChecks checks = new PayloadChecks(null, null, algorithm, null, null);
    try (ObjectReadStream in = new ObjectReadStream(source)) {
      objects.quotas().require(bucket, target, source.length());
      return objects
          .bodyWriter()
          .store(bucketId, in, source.length(), objects.maxObjectSize(), checks, uploadId, dataKey);
    } catch (IOException e) {
      throw new CofferException(ErrorCode.INTERNAL_ERROR, "The copy source could not be read.", e);
    }
  }
}
