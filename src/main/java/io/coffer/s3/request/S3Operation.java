package io.coffer.s3.request;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.SseRequest;
import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.WritePrecondition;
import io.coffer.service.AclRequest;
import io.coffer.service.ExpectedObject;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.ReadConditions;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every request the S3 port understands, as one typed value with its parameters. The parser decides
 * which one a request is and reads its headers and query once; handlers never look at the raw
 * method, path, headers or query again. Bodies stay streams, opened by the handler.
 */
public sealed interface S3Operation {

  /** The operation's name in AWS's API (for logs, metrics and NotImplemented messages). */
  default String name() {
    return getClass().getSimpleName();
  }

  /** The bucket addressed, or null. */
  @Nullable String bucket();

  /** The key addressed, or null. */
  default @Nullable String key() {
    return null;
  }

  record ListBuckets(ListBucketsParameters parameters) implements S3Operation {
    @Override
    public @Nullable String bucket() {
      return null;
    }
  }

  /**
   * @param checksums what the body (a CreateBucketConfiguration, or none) must match
   * @param objectLock x-amz-bucket-object-lock-enabled: whether the bucket is created with object
   *     lock (and so with versioning enabled for good)
   * @param ownership x-amz-object-ownership, or null for the server's default
   * @param acl x-amz-acl or x-amz-grant-*
   */
  record CreateBucket(
      String bucket,
      BodyChecksums checksums,
      boolean objectLock,
      @Nullable ObjectOwnership ownership,
      AclRequest acl)
      implements S3Operation {}

  record HeadBucket(String bucket) implements S3Operation {}

  record DeleteBucket(String bucket) implements S3Operation {}

  record GetBucketLocation(String bucket) implements S3Operation {}

  record GetBucketVersioning(String bucket) implements S3Operation {}

  /** ListObjects (version 1). */
  record ListObjects(String bucket, ListParameters list, @Nullable String marker)
      implements S3Operation {}

  /**
   * @param continuationToken the token sent, or null
   * @param startAfter null when not sent or empty
   */
  record ListObjectsV2(
      String bucket,
      ListParameters list,
      @Nullable ContinuationToken continuationToken,
      @Nullable String startAfter,
      boolean fetchOwner)
      implements S3Operation {

    /** The key the page starts after: the token's position, else start-after. */
    public @Nullable String after() {
      return continuationToken != null ? continuationToken.position() : startAfter;
    }
  }

  /**
   * @param keyMarker the key the listing starts at (null when not sent or empty)
   * @param versionIdMarker the version of keyMarker the listing starts after (null: after every
   *     version of keyMarker); never without a keyMarker
   */
  record ListObjectVersions(
      String bucket,
      ListParameters list,
      @Nullable String keyMarker,
      @Nullable String versionIdMarker)
      implements S3Operation {}

  /**
   * @param uploadIdMarker null unless a key marker is given too
   */
  record ListMultipartUploads(
      String bucket,
      @Nullable String prefix,
      @Nullable String delimiter,
      @Nullable String keyMarker,
      @Nullable String uploadIdMarker,
      int maxUploads)
      implements S3Operation {}

  /**
   * @param bypassGovernance x-amz-bypass-governance-retention: true
   */
  record DeleteObjects(String bucket, BodyChecksums checksums, boolean bypassGovernance)
      implements S3Operation {}

  /**
   * @param attributes the object's headers as sent (see {@code S3Request.storedAttributes})
   * @param checksums what the body must match
   * @param lock the x-amz-object-lock-* headers ({@link ObjectLock#NONE} without)
   * @param acl x-amz-acl or x-amz-grant-*
   * @param tags x-amz-tagging, empty without
   */
  record PutObject(
      String bucket,
      String key,
      ObjectAttributes attributes,
      WritePrecondition writePrecondition,
      BodyChecksums checksums,
      ObjectLock lock,
      AclRequest acl,
      Map<String, String> tags,
      SseRequest sse)
      implements S3Operation {}

  record GetObject(String bucket, String key, ReadParameters read) implements S3Operation {}

  record HeadObject(String bucket, String key, ReadParameters read) implements S3Operation {}

  /**
   * @param versionId the version to remove for good (versionId), or null
   * @param bypassGovernance x-amz-bypass-governance-retention: true
   */
  record DeleteObject(
      String bucket,
      String key,
      @Nullable String versionId,
      WritePrecondition writePrecondition,
      boolean bypassGovernance)
      implements S3Operation {}

  /**
   * @param replacement the new attributes (metadata directive REPLACE), or null to copy the
   *     source's
   * @param checksumAlgorithm the checksum the copy is to have, or null for the source's
   * @param lock the x-amz-object-lock-* headers ({@link ObjectLock#NONE} without)
   * @param replacementTags the copy's tags (x-amz-tagging-directive REPLACE), or null to copy the
   *     source's
   */
  record CopyObject(
      String bucket,
      String key,
      CopySource source,
      ReadConditions sourceConditions,
      @Nullable ObjectAttributes replacement,
      @Nullable ChecksumAlgorithm checksumAlgorithm,
      WritePrecondition writePrecondition,
      ObjectLock lock,
      AclRequest acl,
      @Nullable Map<String, String> replacementTags,
      SseRequest sse,
      @Nullable CustomerKey sourceKey)
      implements S3Operation {}

  /**
   * @param checksumAlgorithm the algorithm every part is checked with, or null
   * @param checksumType FULL_OBJECT or COMPOSITE, or null (only with an algorithm)
   * @param lock the x-amz-object-lock-* headers, for the object the upload completes to
   * @param tags x-amz-tagging, for the object the upload completes to
   */
  record CreateMultipartUpload(
      String bucket,
      String key,
      ObjectAttributes attributes,
      @Nullable ChecksumAlgorithm checksumAlgorithm,
      @Nullable String checksumType,
      ObjectLock lock,
      AclRequest acl,
      Map<String, String> tags,
      SseRequest sse)
      implements S3Operation {}

  /**
   * @param customerKey the upload's SSE-C key, or null
   */
  record UploadPart(
      String bucket,
      String key,
      String uploadId,
      int partNumber,
      BodyChecksums checksums,
      @Nullable CustomerKey customerKey)
      implements S3Operation {}

  /**
   * @param sourceRange x-amz-copy-source-range, or null for the whole source
   */
  record UploadPartCopy(
      String bucket,
      String key,
      String uploadId,
      int partNumber,
      CopySource source,
      ReadConditions sourceConditions,
      @Nullable ByteRange sourceRange,
      @Nullable CustomerKey customerKey,
      @Nullable CustomerKey sourceKey)
      implements S3Operation {}

  /**
   * @param expected the object the upload must complete to (its x-amz-checksum-* headers)
   * @param checksums what the XML document must match
   */
  record CompleteMultipartUpload(
      String bucket,
      String key,
      String uploadId,
      ExpectedObject expected,
      BodyChecksums checksums,
      WritePrecondition writePrecondition,
      @Nullable CustomerKey customerKey)
      implements S3Operation {}

  record AbortMultipartUpload(String bucket, String key, String uploadId) implements S3Operation {}

  record ListParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts)
      implements S3Operation {}

  /**
   * @param checksums what the VersioningConfiguration document must match
   */
  record PutBucketVersioning(String bucket, BodyChecksums checksums) implements S3Operation {}

  /**
   * @param checksums what the ObjectLockConfiguration document must match (Content-MD5 or an
   *     x-amz-checksum-* header is required)
   */
  record PutObjectLockConfiguration(String bucket, BodyChecksums checksums)
      implements S3Operation {}

  record GetObjectLockConfiguration(String bucket) implements S3Operation {}

  /**
   * @param versionId the version (as sent; checked by the service), or null for the current one
   * @param bypassGovernance x-amz-bypass-governance-retention: true
   * @param checksums what the Retention document must match (an integrity header is required)
   */
  record PutObjectRetention(
      String bucket,
      String key,
      @Nullable String versionId,
      boolean bypassGovernance,
      BodyChecksums checksums)
      implements S3Operation {}

  record GetObjectRetention(String bucket, String key, @Nullable String versionId)
      implements S3Operation {}

  /**
   * @param checksums what the LegalHold document must match (an integrity header is required)
   */
  record PutObjectLegalHold(
      String bucket, String key, @Nullable String versionId, BodyChecksums checksums)
      implements S3Operation {}

  record GetObjectLegalHold(String bucket, String key, @Nullable String versionId)
      implements S3Operation {}

  record GetBucketPolicy(String bucket) implements S3Operation {}

  /**
   * @param checksums what the policy document (JSON) must match
   */
  record PutBucketPolicy(String bucket, BodyChecksums checksums) implements S3Operation {}

  record DeleteBucketPolicy(String bucket) implements S3Operation {}

  record GetBucketPolicyStatus(String bucket) implements S3Operation {}

  record GetBucketAcl(String bucket) implements S3Operation {}

  /**
   * @param acl the ACL of the x-amz-acl or x-amz-grant-* headers; when none is present, the body's
   *     AccessControlPolicy
   */
  record PutBucketAcl(String bucket, AclRequest acl, BodyChecksums checksums)
      implements S3Operation {}

  record GetObjectAcl(String bucket, String key, @Nullable String versionId)
      implements S3Operation {}

  /**
   * @param acl as for PutBucketAcl
   */
  record PutObjectAcl(
      String bucket,
      String key,
      @Nullable String versionId,
      AclRequest acl,
      BodyChecksums checksums)
      implements S3Operation {}

  record GetBucketOwnershipControls(String bucket) implements S3Operation {}

  record PutBucketOwnershipControls(String bucket, BodyChecksums checksums)
      implements S3Operation {}

  record DeleteBucketOwnershipControls(String bucket) implements S3Operation {}

  record GetPublicAccessBlock(String bucket) implements S3Operation {}

  record PutPublicAccessBlock(String bucket, BodyChecksums checksums) implements S3Operation {}

  record DeletePublicAccessBlock(String bucket) implements S3Operation {}

  record GetBucketTagging(String bucket) implements S3Operation {}

  /**
   * @param checksums what the Tagging document must match
   */
  record PutBucketTagging(String bucket, BodyChecksums checksums) implements S3Operation {}

  record DeleteBucketTagging(String bucket) implements S3Operation {}

  /**
   * @param versionId the version (as sent; checked by the service), or null for the current one
   */
  record GetObjectTagging(String bucket, String key, @Nullable String versionId)
      implements S3Operation {}

  record PutObjectTagging(
      String bucket, String key, @Nullable String versionId, BodyChecksums checksums)
      implements S3Operation {}

  record DeleteObjectTagging(String bucket, String key, @Nullable String versionId)
      implements S3Operation {}

  record GetBucketCors(String bucket) implements S3Operation {}

  record PutBucketCors(String bucket, BodyChecksums checksums) implements S3Operation {}

  record DeleteBucketCors(String bucket) implements S3Operation {}

  record GetBucketLifecycleConfiguration(String bucket) implements S3Operation {}

  record PutBucketLifecycleConfiguration(String bucket, BodyChecksums checksums)
      implements S3Operation {}

  record DeleteBucketLifecycle(String bucket) implements S3Operation {}

  record GetBucketEncryption(String bucket) implements S3Operation {}

  /**
   * @param checksums what the ServerSideEncryptionConfiguration document must match
   */
  record PutBucketEncryption(String bucket, BodyChecksums checksums) implements S3Operation {}

  record DeleteBucketEncryption(String bucket) implements S3Operation {}

  /** GetBucketNotificationConfiguration (and the deprecated GetBucketNotification: the same). */
  record GetBucketNotificationConfiguration(String bucket) implements S3Operation {}

  /**
   * PutBucketNotificationConfiguration (and the deprecated PutBucketNotification: the same
   * request).
   *
   * @param checksums what the NotificationConfiguration document must match
   */
  record PutBucketNotificationConfiguration(String bucket, BodyChecksums checksums)
      implements S3Operation {}

  /**
   * @param attributes what x-amz-object-attributes asks for (never empty)
   * @param maxParts x-amz-max-parts: at most this many parts in ObjectParts (1000 at most)
   * @param partNumberMarker x-amz-part-number-marker: parts after this number
   */
  record GetObjectAttributes(
      String bucket,
      String key,
      @Nullable String versionId,
      Set<ObjectAttributeNames.Attribute> attributes,
      int maxParts,
      int partNumberMarker,
      @Nullable CustomerKey customerKey)
      implements S3Operation {}

  /**
   * A browser form upload: POST to a bucket with a multipart/form-data body, authenticated by the
   * policy and signature in its fields, not by the request's own signature.
   */
  record PostObject(String bucket) implements S3Operation {}

  /**
   * MinIO's live event stream of a bucket (mc watch): newline-delimited JSON records of the events
   * of these types on keys with this prefix and suffix, until the client disconnects.
   *
   * @param pingSeconds seconds between empty-record lines, or null for MinIO's blank keep-alive
   *     every half second
   */
  record ListenBucketNotification(
      String bucket,
      Set<io.coffer.model.EventName> events,
      String prefix,
      String suffix,
      @Nullable Integer pingSeconds)
      implements S3Operation {
    public ListenBucketNotification {
      events = Set.copyOf(events);
    }
  }

  /** An operation of the S3 API that Coffer does not implement: it answers NotImplemented. */
  record Unsupported(String operation, String bucket, @Nullable String key) implements S3Operation {
    @Override
    public String name() {
      return operation;
    }

    public CofferException refusal() {
      return new CofferException(
          ErrorCode.NOT_IMPLEMENTED, operation + " is not implemented by Coffer.");
    }
  }

  /**
   * The source of a copy: {@code x-amz-copy-source: /bucket/key[?versionId=...]}.
   *
   * @param versionId the source version asked for, or null for the current one
   */
  record CopySource(String bucket, String key, @Nullable String versionId) {
    /** The current version of a key. */
    public CopySource(String bucket, String key) {
      this(bucket, key, null);
    }
  }
}
