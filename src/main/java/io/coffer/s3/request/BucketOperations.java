package io.coffer.s3.request;

import static io.coffer.s3.request.ListParameters.nonEmpty;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.service.VersionIds;
import org.jspecify.annotations.Nullable;

/** The parser's rules for requests addressed to a bucket (no key). */
final class BucketOperations {
  /** AWS's answer to a PutObjectLockConfiguration without Content-MD5 or x-amz-checksum-*. */
  static final String OBJECT_LOCK_CHECKSUM_REQUIRED =
      "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Bucket requests with Object"
          + " Lock parameters";

  private BucketOperations() {}

  static ParsedRequest parse(String method, String bucket, Query query, Headers headers) {
    ParsedRequest access = AccessControlOperations.bucket(method, bucket, query, headers);
    if (access != null) {
      return access;
    }
    ParsedRequest feature = BucketFeatureOperations.bucket(method, bucket, query, headers);
    if (feature != null) {
      return feature;
    }
    switch (method) {
      case "GET" -> {
        return get(bucket, query);
      }
      case "HEAD" -> {
        return ParsedRequest.of(new S3Operation.HeadBucket(bucket));
      }
      case "PUT" -> {
        if (query.has("versioning")) {
          return ParsedRequest.of(
              S3Operation.PutBucketVersioning.class,
              () -> new S3Operation.PutBucketVersioning(bucket, BodyChecksums.of(headers)));
        }
        if (query.has("object-lock")) {
          return ParsedRequest.of(
              S3Operation.PutObjectLockConfiguration.class,
              () ->
                  new S3Operation.PutObjectLockConfiguration(
                      bucket, BodyChecksums.required(headers, OBJECT_LOCK_CHECKSUM_REQUIRED)));
        }
        String subresource = Subresources.find(query, Subresources.BUCKET);
        if (subresource != null) {
          return ParsedRequest.of(Subresources.unsupported("PutBucket", subresource, bucket, null));
        }
        return ParsedRequest.of(
            S3Operation.CreateBucket.class,
            () ->
                new S3Operation.CreateBucket(
                    bucket,
                    BodyChecksums.of(headers),
                    objectLockEnabled(headers.get("x-amz-bucket-object-lock-enabled")),
                    AccessControlOperations.objectOwnership(headers.get("x-amz-object-ownership")),
                    AclHeaders.parse(headers)));
      }
      case "DELETE" -> {
        String subresource = Subresources.find(query, Subresources.BUCKET);
        return ParsedRequest.of(
            subresource != null
                ? Subresources.unsupported("DeleteBucket", subresource, bucket, null)
                : new S3Operation.DeleteBucket(bucket));
      }
      case "POST" -> {
        if (query.has("delete")) {
          return ParsedRequest.of(
              S3Operation.DeleteObjects.class,
              () ->
                  new S3Operation.DeleteObjects(
                      bucket,
                      BodyChecksums.of(headers),
                      ObjectParameters.bypassGovernance(headers)));
        }
        String subresource = Subresources.find(query, Subresources.BUCKET);
        return ParsedRequest.of(
            subresource != null
                ? Subresources.unsupported("CreateBucket", subresource, bucket, null)
                : new S3Operation.PostObject(bucket));
      }
      default -> throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
    }
  }

  private static ParsedRequest get(String bucket, Query query) {
    ParsedRequest listen = NotificationOperations.listen("GET", bucket, query);
    if (listen != null) {
      return listen;
    }
    if (query.has("location")) {
      return ParsedRequest.of(new S3Operation.GetBucketLocation(bucket));
    }
    if (query.has("versioning")) {
      return ParsedRequest.of(new S3Operation.GetBucketVersioning(bucket));
    }
    if (query.has("object-lock")) {
      return ParsedRequest.of(new S3Operation.GetObjectLockConfiguration(bucket));
    }
    if (query.has("uploads")) {
      return ParsedRequest.of(
          S3Operation.ListMultipartUploads.class, () -> listUploads(bucket, query));
    }
    if (query.has("versions")) {
      return ParsedRequest.of(
          S3Operation.ListObjectVersions.class, () -> listVersions(bucket, query));
    }
    String subresource = Subresources.find(query, Subresources.BUCKET);
    if (subresource != null) {
      return ParsedRequest.of(Subresources.unsupported("GetBucket", subresource, bucket, null));
    }
    if ("2".equals(query.get("list-type"))) {
      return ParsedRequest.of(S3Operation.ListObjectsV2.class, () -> listV2(bucket, query));
    }
    return ParsedRequest.of(
        S3Operation.ListObjects.class,
        () -> {
          ListParameters list = ListParameters.of(query);
          return new S3Operation.ListObjects(bucket, list, nonEmpty(query, "marker"));
        });
  }

  private static S3Operation listV2(String bucket, Query query) {
    ListParameters list = ListParameters.of(query);
    String token = query.get(ContinuationToken.PARAMETER);
    ContinuationToken continuation =
        token == null
            ? null
            : ContinuationToken.parse(ContinuationToken.Listing.OBJECTS, bucket, token);
    return new S3Operation.ListObjectsV2(
        bucket,
        list,
        continuation,
        nonEmpty(query, "start-after"),
        "true".equalsIgnoreCase(query.get("fetch-owner")));
  }

  private static S3Operation listVersions(String bucket, Query query) {
    ListParameters list = ListParameters.of(query);
    String keyMarker = nonEmpty(query, "key-marker");
    String versionIdMarker = nonEmpty(query, "version-id-marker");
    if (versionIdMarker != null) {
      if (keyMarker == null) {
        throw CofferException.invalidArgument(
            "A version-id marker cannot be specified without a key marker.",
            "version-id-marker",
            versionIdMarker);
      }
      if (!VersionIds.isWellFormed(versionIdMarker)) {
        throw CofferException.invalidArgument(
            "Invalid version id specified", "version-id-marker", versionIdMarker);
      }
    }
    return new S3Operation.ListObjectVersions(bucket, list, keyMarker, versionIdMarker);
  }

  /**
   * x-amz-bucket-object-lock-enabled: "true" in any case enables it; anything else does not (values
   * other than true and false are refused by {@link FeatureHeaders} first).
   */
  static boolean objectLockEnabled(@Nullable String value) {
    return value != null && value.trim().equalsIgnoreCase("true");
  }

  private static S3Operation listUploads(String bucket, Query query) {
    String keyMarker = nonEmpty(query, "key-marker");
    int maxUploads =
        Math.min(DecimalParam.query(query, "max-uploads", 1000, 0, Integer.MAX_VALUE), 1000);
    return new S3Operation.ListMultipartUploads(
        bucket,
        query.get("prefix"),
        nonEmpty(query, "delimiter"),
        keyMarker,
        keyMarker == null ? null : nonEmpty(query, "upload-id-marker"),
        maxUploads);
  }
}
