package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectOwnership;
import org.jspecify.annotations.Nullable;

/**
 * The parser's rules for a bucket's access settings ({@code ?policy}, {@code ?policyStatus}, {@code
 * ?acl}, {@code ?ownershipControls}, {@code ?publicAccessBlock}) and an object's {@code ?acl}.
 */
final class AccessControlOperations {
  private AccessControlOperations() {}

  /** The bucket operation, or null when the request is none of these. */
  static @Nullable ParsedRequest bucket(
      String method, String bucket, Query query, Headers headers) {
    if (query.has("policy")) {
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetBucketPolicy(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutBucketPolicy.class,
                () -> new S3Operation.PutBucketPolicy(bucket, BodyChecksums.of(headers)));
        case "DELETE" -> ParsedRequest.of(new S3Operation.DeleteBucketPolicy(bucket));
        default -> throw notAllowed();
      };
    }
    if (query.has("policyStatus")) {
      if (!method.equals("GET")) {
        throw notAllowed();
      }
      return ParsedRequest.of(new S3Operation.GetBucketPolicyStatus(bucket));
    }
    if (query.has("acl")) {
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetBucketAcl(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutBucketAcl.class,
                () ->
                    new S3Operation.PutBucketAcl(
                        bucket, AclHeaders.parse(headers), BodyChecksums.of(headers)));
        default -> throw notAllowed();
      };
    }
    if (query.has("ownershipControls")) {
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetBucketOwnershipControls(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutBucketOwnershipControls.class,
                () ->
                    new S3Operation.PutBucketOwnershipControls(bucket, BodyChecksums.of(headers)));
        case "DELETE" -> ParsedRequest.of(new S3Operation.DeleteBucketOwnershipControls(bucket));
        default -> throw notAllowed();
      };
    }
    if (query.has("publicAccessBlock")) {
      return switch (method) {
        case "GET" -> ParsedRequest.of(new S3Operation.GetPublicAccessBlock(bucket));
        case "PUT" ->
            ParsedRequest.of(
                S3Operation.PutPublicAccessBlock.class,
                () -> new S3Operation.PutPublicAccessBlock(bucket, BodyChecksums.of(headers)));
        case "DELETE" -> ParsedRequest.of(new S3Operation.DeletePublicAccessBlock(bucket));
        default -> throw notAllowed();
      };
    }
    return null;
  }

  /** GetObjectAcl or PutObjectAcl, or null when the request is neither. */
  static @Nullable ParsedRequest object(
      String method, String bucket, String key, Query query, Headers headers) {
    if (!query.has("acl")) {
      return null;
    }
    return switch (method) {
      case "GET" ->
          ParsedRequest.of(
              S3Operation.GetObjectAcl.class,
              () -> new S3Operation.GetObjectAcl(bucket, key, ObjectParameters.versionId(query)));
      case "PUT" ->
          ParsedRequest.of(
              S3Operation.PutObjectAcl.class,
              () ->
                  new S3Operation.PutObjectAcl(
                      bucket,
                      key,
                      ObjectParameters.versionId(query),
                      AclHeaders.parse(headers),
                      BodyChecksums.of(headers)));
      default -> throw notAllowed();
    };
  }

  /**
   * Any other method on these subresources: never falls through to the bucket's or object's own
   * operations (a DELETE with {@code ?acl} must not delete the bucket).
   */
  private static CofferException notAllowed() {
    return new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
  }

  /** x-amz-object-ownership on CreateBucket: one of AWS's three values, or null when absent. */
  static @Nullable ObjectOwnership objectOwnership(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return ObjectOwnership.fromAwsName(trimmed)
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Invalid x-amz-object-ownership header: " + trimmed));
  }
}
