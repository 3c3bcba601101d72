package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The parser's rules for the bucket features: a bucket's {@code ?tagging}, {@code ?cors} and {@code
 * ?lifecycle}, {@code ?encryption}, {@code ?notification}, an object's {@code ?tagging} and {@code
 * ?attributes}.
 */
final class BucketFeatureOperations {
  /** AWS's answer to a lifecycle configuration sent without Content-MD5 or a checksum. */
  static final String LIFECYCLE_CHECKSUM_REQUIRED =
      "Missing required header for this request: Content-MD5";

  private BucketFeatureOperations() {}

  /** The bucket operation, or null when the request is none of these. */
  static @Nullable ParsedRequest bucket(
      String method, String bucket, Query query, Headers headers) {
    if (query.has("tagging")) {
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetBucketTagging(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutBucketTagging.class,
                () -> new S3Operation.PutBucketTagging(bucket, BodyChecksums.of(headers)));
        case "DELETE" -> ParsedRequest.of(new S3Operation.DeleteBucketTagging(bucket));
        default -> throw notAllowed();
      };
    }
    if (query.has("cors")) {
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetBucketCors(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutBucketCors.class,
                () -> new S3Operation.PutBucketCors(bucket, BodyChecksums.of(headers)));
        case "DELETE" -> ParsedRequest.of(new S3Operation.DeleteBucketCors(bucket));
        default -> throw notAllowed();
      };
    }
    if (query.has("lifecycle")) {
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetBucketLifecycleConfiguration(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutBucketLifecycleConfiguration.class,
                () ->
                    new S3Operation.PutBucketLifecycleConfiguration(
                        bucket, BodyChecksums.required(headers, LIFECYCLE_CHECKSUM_REQUIRED)));
        case "DELETE" -> ParsedRequest.of(new S3Operation.DeleteBucketLifecycle(bucket));
        default -> throw notAllowed();
      };
    }
    if (query.has("encryption")) {
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetBucketEncryption(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutBucketEncryption.class,
                () -> new S3Operation.PutBucketEncryption(bucket, BodyChecksums.of(headers)));
        case "DELETE" -> ParsedRequest.of(new S3Operation.DeleteBucketEncryption(bucket));
        default -> throw notAllowed();
      };
    }
    if (query.has("notification")) {
      // S3 has no DeleteBucketNotification (an empty configuration removes the rules): other
      // methods stay with the unsupported subresources, answering NotImplemented.
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetBucketNotificationConfiguration(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutBucketNotificationConfiguration.class,
                () ->
                    new S3Operation.PutBucketNotificationConfiguration(
                        bucket, BodyChecksums.of(headers)));
        default -> null;
      };
    }
    return null;
  }

  /** The object operation, or null when the request is none of these. */
  static @Nullable ParsedRequest object(
      String method, String bucket, String key, Query query, Headers headers) {
    if (query.has("tagging")) {
      return switch (method) {
        case "GET" ->
            ParsedRequest.of(
                S3Operation.GetObjectTagging.class,
                () ->
                    new S3Operation.GetObjectTagging(
                        bucket, key, ObjectParameters.versionId(query)));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutObjectTagging.class,
                () ->
                    new S3Operation.PutObjectTagging(
                        bucket, key, ObjectParameters.versionId(query), BodyChecksums.of(headers)));
        case "DELETE" ->
            ParsedRequest.of(
                S3Operation.DeleteObjectTagging.class,
                () ->
                    new S3Operation.DeleteObjectTagging(
                        bucket, key, ObjectParameters.versionId(query)));
        default -> throw notAllowed();
      };
    }
    if (query.has("attributes")) {
      if (!method.equals("GET")) {
        throw notAllowed();
      }
      return ParsedRequest.of(
          S3Operation.GetObjectAttributes.class,
          () ->
              new S3Operation.GetObjectAttributes(
                  bucket,
                  key,
                  ObjectParameters.versionId(query),
                  ObjectAttributeNames.parse(headers),
                  lenientHeader(headers, "x-amz-max-parts", MAX_PARTS, 0, MAX_PARTS),
                  lenientHeader(headers, "x-amz-part-number-marker", 0, 0, 10_000),
                  SseHeaders.customerKey(headers)));
    }
    return null;
  }

  /** The most parts one GetObjectAttributes lists, as ListParts. */
  private static final int MAX_PARTS = 1000;

  /**
   * A decimal header GetObjectAttributes reads: as AWS, a value that is no number in [min, max] is
   * ignored (the default applies) rather than refused; a larger one is capped at max.
   */
  private static int lenientHeader(Headers headers, String name, int absent, int min, int max) {
    String value = headers.get(name);
    if (value == null) {
      return absent;
    }
    return DecimalParam.parse(value.trim(), min, Integer.MAX_VALUE).stream()
        .map(n -> Math.min(n, max))
        .findFirst()
        .orElse(absent);
  }

  /** Any other method on these subresources never falls through to the object's operations. */
  private static CofferException notAllowed() {
    return new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
  }
}
