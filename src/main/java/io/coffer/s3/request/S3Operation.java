package io.coffer.s3.request;

import org.jspecify.annotations.Nullable;

/**
 * Every request the S3 port understands, as one typed value. The parser decides which one a
 * request is; handlers never look at the raw method, path or subresources again.
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

  record ListBuckets() implements S3Operation {
    @Override
    public @Nullable String bucket() {
      return null;
    }
  }

  record CreateBucket(String bucket) implements S3Operation {}

  record HeadBucket(String bucket) implements S3Operation {}

  record DeleteBucket(String bucket) implements S3Operation {}

  record GetBucketLocation(String bucket) implements S3Operation {}

  record GetBucketVersioning(String bucket) implements S3Operation {}

  record ListObjects(String bucket) implements S3Operation {}

  record ListObjectsV2(String bucket) implements S3Operation {}

  record ListObjectVersions(String bucket) implements S3Operation {}

  record ListMultipartUploads(String bucket) implements S3Operation {}

  record DeleteObjects(String bucket) implements S3Operation {}

  record PutObject(String bucket, String key) implements S3Operation {}

  record GetObject(String bucket, String key) implements S3Operation {}

  record HeadObject(String bucket, String key) implements S3Operation {}

  record DeleteObject(String bucket, String key) implements S3Operation {}

  record CopyObject(String bucket, String key, CopySource source) implements S3Operation {}

  record CreateMultipartUpload(String bucket, String key) implements S3Operation {}

  record UploadPart(String bucket, String key, String uploadId, int partNumber)
      implements S3Operation {}

  record UploadPartCopy(
      String bucket, String key, String uploadId, int partNumber, CopySource source)
      implements S3Operation {}

  record CompleteMultipartUpload(String bucket, String key, String uploadId)
      implements S3Operation {}

  record AbortMultipartUpload(String bucket, String key, String uploadId) implements S3Operation {}

  record ListParts(String bucket, String key, String uploadId) implements S3Operation {}

  /** An operation of the S3 API that Coffer does not implement: it answers NotImplemented. */
  record Unsupported(String operation, @Nullable String bucket, @Nullable String key)
      implements S3Operation {
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

    public io.coffer.model.CofferException refusal() {
      return new io.coffer.model.CofferException(
          io.coffer.model.ErrorCode.NOT_IMPLEMENTED, operation + " is not implemented by Coffer.");
    }
  }

  /** The source of a copy: {@code x-amz-copy-source: /bucket/key[?versionId=null]}. */
  record CopySource(String bucket, String key) {}
}
