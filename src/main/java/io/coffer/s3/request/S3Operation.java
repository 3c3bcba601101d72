package io.coffer.s3.request;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectLock;
import io.coffer.model.WritePrecondition;
import io.coffer.service.ExpectedObject;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.ReadConditions;
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
   * @param objectLock x-amz-bucket-object-lock-enabled: true (the bucket is versioned and lockable)
   */
  record CreateBucket(String bucket, BodyChecksums checksums, boolean objectLock)
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

  /** Without versioning every object is listed as its one version, "null". */
  record ListObjectVersions(String bucket, ListParameters list, @Nullable String keyMarker)
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
   */
  record PutObject(
      String bucket,
      String key,
      ObjectAttributes attributes,
      WritePrecondition writePrecondition,
      BodyChecksums checksums,
      ObjectLock lock)
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
   */
  record CopyObject(
      String bucket,
      String key,
      CopySource source,
      ReadConditions sourceConditions,
      @Nullable ObjectAttributes replacement,
      @Nullable ChecksumAlgorithm checksumAlgorithm,
      WritePrecondition writePrecondition,
      ObjectLock lock)
      implements S3Operation {}

  /**
   * @param checksumAlgorithm the algorithm every part is checked with, or null
   * @param checksumType FULL_OBJECT or COMPOSITE, or null (only with an algorithm)
   * @param lock the x-amz-object-lock-* headers, for the object the upload completes to
   */
  record CreateMultipartUpload(
      String bucket,
      String key,
      ObjectAttributes attributes,
      @Nullable ChecksumAlgorithm checksumAlgorithm,
      @Nullable String checksumType,
      ObjectLock lock)
      implements S3Operation {}

  record UploadPart(
      String bucket, String key, String uploadId, int partNumber, BodyChecksums checksums)
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
      @Nullable ByteRange sourceRange)
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
      WritePrecondition writePrecondition)
      implements S3Operation {}

  record AbortMultipartUpload(String bucket, String key, String uploadId) implements S3Operation {}

  record ListParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts)
      implements S3Operation {}

  /** An operation of the S3 API that Coffer does not implement: it answers NotImplemented. */
  record Unsupported(String operation, String bucket, @Nullable String key) implements S3Operation {
    /** A browser form upload: POST to a bucket, signed by a policy in the form, not the request. */
    public static final String POST_OBJECT = "PostObject";

    @Override
    public String name() {
      return operation;
    }

    /** Whether the request carries its own form of authentication, which Coffer cannot verify. */
    public boolean isFormUpload() {
      return operation.equals(POST_OBJECT);
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
