package io.coffer.s3.request;

import static io.coffer.s3.request.ListParameters.nonEmpty;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;

/** The parser's rules for requests addressed to a bucket (no key). */
final class BucketOperations {
  private BucketOperations() {}

  static ParsedRequest parse(String method, String bucket, Query query, Headers headers) {
    switch (method) {
      case "GET" -> {
        return get(bucket, query);
      }
      case "HEAD" -> {
        return ParsedRequest.of(new S3Operation.HeadBucket(bucket));
      }
      case "PUT" -> {
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
                    "true".equalsIgnoreCase(headers.get("x-amz-bucket-object-lock-enabled"))));
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
                : new S3Operation.Unsupported(S3Operation.Unsupported.POST_OBJECT, bucket, null));
      }
      default -> throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
    }
  }

  private static ParsedRequest get(String bucket, Query query) {
    if (query.has("location")) {
      return ParsedRequest.of(new S3Operation.GetBucketLocation(bucket));
    }
    if (query.has("versioning")) {
      return ParsedRequest.of(new S3Operation.GetBucketVersioning(bucket));
    }
    if (query.has("uploads")) {
      return ParsedRequest.of(
          S3Operation.ListMultipartUploads.class, () -> listUploads(bucket, query));
    }
    if (query.has("versions")) {
      return ParsedRequest.of(
          S3Operation.ListObjectVersions.class,
          () -> {
            ListParameters list = ListParameters.of(query);
            return new S3Operation.ListObjectVersions(bucket, list, nonEmpty(query, "key-marker"));
          });
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
