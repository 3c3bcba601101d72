package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns method, path, query and headers into an {@link S3Operation} with its parameters. Every rule
 * that tells S3 operations apart lives here and in {@link BucketOperations} ({@code ?uploads},
 * {@code ?uploadId}, {@code x-amz-copy-source}, {@code ?list-type=2}, {@code ?delete}, ...), so the
 * rest of the code dispatches on types; and every header and query parameter an operation takes is
 * read here, once.
 *
 * <p>Two kinds of error are told apart (see {@link ParsedRequest}): a request that is no operation
 * at all throws, while an operation with invalid parameters is returned with its error.
 */
public final class S3RequestParser {
  private final String region;

  /**
   * @param region the server's region, which ListBuckets' bucket-region must name
   */
  public S3RequestParser(String region) {
    this.region = region;
  }

  /**
   * @param bucket the bucket from the path or the Host header, or null
   * @param key the decoded key, or null
   * @throws CofferException when the request is no S3 operation (MethodNotAllowed, a part without
   *     an upload ID, an unreadable x-amz-copy-source, ...)
   */
  public ParsedRequest parse(
      String method, @Nullable String bucket, @Nullable String key, Query query, Headers headers) {
    if (bucket == null) {
      if (method.equals("GET") && query.has("events")) {
        // MinIO's server-wide ListenNotification: refused, never answered as a bucket listing
        return ParsedRequest.of(new S3Operation.Unsupported("ListenNotification", "", null));
      }
      if (method.equals("GET")) {
        return ParsedRequest.of(
            S3Operation.ListBuckets.class,
            () -> new S3Operation.ListBuckets(ListBucketsParameters.of(query, region)));
      }
      throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
    }
    return key == null
        ? BucketOperations.parse(method, bucket, query, headers)
        : objectOperation(method, bucket, key, query, headers);
  }

  private static ParsedRequest objectOperation(
      String method, String bucket, String key, Query query, Headers headers) {
    String subresource = Subresources.find(query, Subresources.OBJECT);
    ParsedRequest lock = ObjectLockOperations.parse(method, bucket, key, query, headers);
    if (lock != null) {
      return lock;
    }
    ParsedRequest acl = AccessControlOperations.object(method, bucket, key, query, headers);
    if (acl != null) {
      return acl;
    }
    ParsedRequest feature = BucketFeatureOperations.object(method, bucket, key, query, headers);
    if (feature != null) {
      return feature;
    }
    switch (method) {
      case "GET" -> {
        if (subresource != null) {
          return ParsedRequest.of(Subresources.unsupported("GetObject", subresource, bucket, key));
        }
        if (query.has("uploadId")) {
          return ParsedRequest.of(
              S3Operation.ListParts.class,
              () ->
                  new S3Operation.ListParts(
                      bucket,
                      key,
                      Objects.requireNonNull(query.get("uploadId")),
                      DecimalParam.query(query, "part-number-marker", 0, 0, 10_000),
                      Math.min(
                          DecimalParam.query(query, "max-parts", 1000, 0, Integer.MAX_VALUE),
                          1000)));
        }
        return ParsedRequest.of(
            S3Operation.GetObject.class,
            () -> new S3Operation.GetObject(bucket, key, ObjectParameters.read(query, headers)));
      }
      case "HEAD" -> {
        return ParsedRequest.of(
            S3Operation.HeadObject.class,
            () -> new S3Operation.HeadObject(bucket, key, ObjectParameters.read(query, headers)));
      }
      case "PUT" -> {
        return put(bucket, key, query, headers, subresource);
      }
      case "DELETE" -> {
        if (subresource != null) {
          return ParsedRequest.of(
              Subresources.unsupported("DeleteObject", subresource, bucket, key));
        }
        if (query.has("uploadId")) {
          return ParsedRequest.of(
              new S3Operation.AbortMultipartUpload(
                  bucket, key, Objects.requireNonNull(query.get("uploadId"))));
        }
        return ParsedRequest.of(
            S3Operation.DeleteObject.class,
            () -> ObjectParameters.delete(bucket, key, query, headers));
      }
      case "POST" -> {
        if (query.has("uploads")) {
          return ParsedRequest.of(
              S3Operation.CreateMultipartUpload.class,
              () -> ObjectParameters.createMultipartUpload(bucket, key, headers));
        }
        if (query.has("uploadId")) {
          return ParsedRequest.of(
              S3Operation.CompleteMultipartUpload.class,
              () ->
                  new S3Operation.CompleteMultipartUpload(
                      bucket,
                      key,
                      Objects.requireNonNull(query.get("uploadId")),
                      ExpectedObjectHeaders.expected(headers),
                      BodyChecksums.ofDocumentOnly(headers),
                      Conditions.write(headers),
                      SseHeaders.customerKey(headers)));
        }
        if (subresource != null) {
          String operation =
              subresource.equals("restore") ? "RestoreObject" : "SelectObjectContent";
          return ParsedRequest.of(Subresources.unsupported(operation, "", bucket, key));
        }
        throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
      }
      default -> throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
    }
  }

  private static ParsedRequest put(
      String bucket, String key, Query query, Headers headers, @Nullable String subresource) {
    if (subresource != null) {
      // Neither may fall through to PutObject: that would overwrite the object with the body.
      return ParsedRequest.of(
          switch (subresource) {
            case "renameObject" -> new S3Operation.Unsupported("RenameObject", bucket, key);
            case "encryption" -> new S3Operation.Unsupported("UpdateObjectEncryption", bucket, key);
            default -> Subresources.unsupported("PutObject", subresource, bucket, key);
          });
    }
    String copySource = headers.get("x-amz-copy-source");
    boolean isPart = query.has("uploadId") || query.has("partNumber");
    if (isPart) {
      String uploadId = query.get("uploadId");
      if (uploadId == null || uploadId.isEmpty()) {
        throw new CofferException(
            ErrorCode.INVALID_ARGUMENT, "An uploadId must be given with partNumber.");
      }
      int partNumber = partNumber(query.get("partNumber"));
      if (copySource == null) {
        return ParsedRequest.of(
            S3Operation.UploadPart.class,
            () ->
                new S3Operation.UploadPart(
                    bucket,
                    key,
                    uploadId,
                    partNumber,
                    BodyChecksums.of(headers),
                    SseHeaders.customerKey(headers)));
      }
      S3Operation.CopySource source = CopySourceParser.parse(copySource);
      return ParsedRequest.of(
          S3Operation.UploadPartCopy.class,
          () ->
              new S3Operation.UploadPartCopy(
                  bucket,
                  key,
                  uploadId,
                  partNumber,
                  source,
                  Conditions.copySource(headers),
                  RangeHeader.parseCopySourceRange(headers.get("x-amz-copy-source-range")),
                  SseHeaders.customerKey(headers),
                  SseHeaders.copySourceKey(headers)));
    }
    if (copySource != null) {
      S3Operation.CopySource source = CopySourceParser.parse(copySource);
      return ParsedRequest.of(
          S3Operation.CopyObject.class, () -> ObjectParameters.copy(bucket, key, source, headers));
    }
    return ParsedRequest.of(
        S3Operation.PutObject.class, () -> ObjectParameters.put(bucket, key, query, headers));
  }

  /** A partNumber query parameter: 1 to 10000. */
  static int partNumber(@Nullable String value) {
    if (value == null) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "A partNumber must be given with uploadId.");
    }
    return DecimalParam.parse(value, 1, 10_000)
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Part number must be an integer between 1 and 10000, inclusive"));
  }
}
