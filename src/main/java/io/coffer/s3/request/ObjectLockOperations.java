package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import org.jspecify.annotations.Nullable;

/**
 * The parser's rules for an object's lock subresources: {@code ?retention} and {@code ?legal-hold},
 * read and written with GET and PUT. Their PUTs carry a small XML document that S3 accepts only
 * with Content-MD5 or an x-amz-checksum-* header.
 */
final class ObjectLockOperations {
  /** AWS's answer to a PutObjectRetention or PutObjectLegalHold without an integrity header. */
  static final String CHECKSUM_REQUIRED =
      "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object"
          + " Lock parameters";

  private ObjectLockOperations() {}

  /** The operation, or null when the request is none of these (so other rules apply). */
  static @Nullable ParsedRequest parse(
      String method, String bucket, String key, Query query, Headers headers) {
    boolean retention = query.has("retention");
    if (!retention && !query.has("legal-hold")) {
      return null;
    }
    String versionId = query.get("versionId");
    return switch (method) {
      case "GET" ->
          ParsedRequest.of(
              retention
                  ? new S3Operation.GetObjectRetention(bucket, key, versionId)
                  : new S3Operation.GetObjectLegalHold(bucket, key, versionId));
      case "PUT" ->
          retention
              ? ParsedRequest.of(
                  S3Operation.PutObjectRetention.class,
                  () ->
                      new S3Operation.PutObjectRetention(
                          bucket,
                          key,
                          versionId,
                          bypassGovernance(headers.get("x-amz-bypass-governance-retention")),
                          BodyChecksums.required(headers, CHECKSUM_REQUIRED)))
              : ParsedRequest.of(
                  S3Operation.PutObjectLegalHold.class,
                  () ->
                      new S3Operation.PutObjectLegalHold(
                          bucket,
                          key,
                          versionId,
                          BodyChecksums.required(headers, CHECKSUM_REQUIRED)));
      default -> null;
    };
  }

  private static boolean bypassGovernance(@Nullable String value) {
    return value != null && value.trim().equalsIgnoreCase("true");
  }
}
