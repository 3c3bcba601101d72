package io.coffer.s3.request;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns method, path, query and a few headers into an {@link S3Operation}. Every rule that tells
 * S3 operations apart lives here ({@code ?uploads}, {@code ?uploadId}, {@code x-amz-copy-source},
 * {@code ?list-type=2}, {@code ?delete}, ...), so the rest of the code dispatches on types.
 */
public final class S3RequestParser {

  /** Bucket subresources Coffer does not implement, with the AWS operation family they belong to. */
  private static final List<String> BUCKET_SUBRESOURCES =
      List.of(
          "acl", "policy", "policyStatus", "cors", "lifecycle", "tagging", "encryption", "website",
          "logging", "notification", "replication", "ownershipControls", "publicAccessBlock",
          "accelerate", "requestPayment", "object-lock", "analytics", "metrics", "inventory",
          "intelligent-tiering", "versioning", "metadataTable", "metadataConfiguration",
          "metadataInventoryTable", "metadataJournalTable", "abac", "session");

  private static final List<String> OBJECT_SUBRESOURCES =
      List.of(
          "acl", "tagging", "retention", "legal-hold", "torrent", "attributes", "restore", "select",
          "renameObject", "encryption");

  private S3RequestParser() {}

  /**
   * @param bucket the bucket from the path or the Host header, or null
   * @param key the decoded key, or null
   * @param copySource the x-amz-copy-source header, or null
   */
  public static S3Operation parse(
      String method, @Nullable String bucket, @Nullable String key, QueryParams query, String copySource) {
    if (bucket == null) {
      if (method.equals("GET")) {
        return new S3Operation.ListBuckets();
      }
      throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
    }
    return key == null ? bucketOperation(method, bucket, query) : objectOperation(method, bucket, key, query, copySource);
  }

  private static S3Operation bucketOperation(String method, String bucket, QueryParams query) {
    switch (method) {
      case "GET" -> {
        if (query.has("location")) {
          return new S3Operation.GetBucketLocation(bucket);
        }
        if (query.has("versioning")) {
          return new S3Operation.GetBucketVersioning(bucket);
        }
        if (query.has("uploads")) {
          return new S3Operation.ListMultipartUploads(bucket);
        }
        if (query.has("versions")) {
          return new S3Operation.ListObjectVersions(bucket);
        }
        String subresource = subresource(query, BUCKET_SUBRESOURCES);
        if (subresource != null) {
          return unsupported("GetBucket", subresource, bucket, null);
        }
        if ("2".equals(query.get("list-type"))) {
          return new S3Operation.ListObjectsV2(bucket);
        }
        return new S3Operation.ListObjects(bucket);
      }
      case "HEAD" -> {
        return new S3Operation.HeadBucket(bucket);
      }
      case "PUT" -> {
        String subresource = subresource(query, BUCKET_SUBRESOURCES);
        return subresource != null
            ? unsupported("PutBucket", subresource, bucket, null)
            : new S3Operation.CreateBucket(bucket);
      }
      case "DELETE" -> {
        String subresource = subresource(query, BUCKET_SUBRESOURCES);
        return subresource != null
            ? unsupported("DeleteBucket", subresource, bucket, null)
            : new S3Operation.DeleteBucket(bucket);
      }
      case "POST" -> {
        if (query.has("delete")) {
          return new S3Operation.DeleteObjects(bucket);
        }
        String subresource = subresource(query, BUCKET_SUBRESOURCES);
        if (subresource != null) {
          return unsupported("CreateBucket", subresource, bucket, null);
        }
        return new S3Operation.Unsupported(S3Operation.Unsupported.POST_OBJECT, bucket, null);
      }
      default -> throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
    }
  }

  private static S3Operation objectOperation(
      String method, String bucket, String key, QueryParams query, String copySource) {
    String subresource = subresource(query, OBJECT_SUBRESOURCES);
    switch (method) {
      case "GET" -> {
        if (subresource != null) {
          return unsupported("GetObject", subresource, bucket, key);
        }
        if (query.has("uploadId")) {
          return new S3Operation.ListParts(bucket, key, Objects.requireNonNull(query.get("uploadId")));
        }
        return new S3Operation.GetObject(bucket, key);
      }
      case "HEAD" -> {
        return new S3Operation.HeadObject(bucket, key);
      }
      case "PUT" -> {
        if (subresource != null) {
          // Neither may fall through to PutObject: that would overwrite the object with the body.
          return switch (subresource) {
            case "renameObject" -> new S3Operation.Unsupported("RenameObject", bucket, key);
            case "encryption" -> new S3Operation.Unsupported("UpdateObjectEncryption", bucket, key);
            default -> unsupported("PutObject", subresource, bucket, key);
          };
        }
        boolean isPart = query.has("uploadId") || query.has("partNumber");
        if (isPart) {
          String uploadId = query.get("uploadId");
          if (uploadId == null || uploadId.isEmpty()) {
            throw new CofferException(ErrorCode.INVALID_ARGUMENT, "An uploadId must be given with partNumber.");
          }
          int partNumber = partNumber(query.get("partNumber"));
          return copySource != null
              ? new S3Operation.UploadPartCopy(bucket, key, uploadId, partNumber, CopySourceParser.parse(copySource))
              : new S3Operation.UploadPart(bucket, key, uploadId, partNumber);
        }
        return copySource != null
            ? new S3Operation.CopyObject(bucket, key, CopySourceParser.parse(copySource))
            : new S3Operation.PutObject(bucket, key);
      }
      case "DELETE" -> {
        if (subresource != null) {
          return unsupported("DeleteObject", subresource, bucket, key);
        }
        if (query.has("uploadId")) {
          return new S3Operation.AbortMultipartUpload(bucket, key, Objects.requireNonNull(query.get("uploadId")));
        }
        return new S3Operation.DeleteObject(bucket, key);
      }
      case "POST" -> {
        if (query.has("uploads")) {
          return new S3Operation.CreateMultipartUpload(bucket, key);
        }
        if (query.has("uploadId")) {
          return new S3Operation.CompleteMultipartUpload(bucket, key, Objects.requireNonNull(query.get("uploadId")));
        }
        if (subresource != null) {
          return unsupported(subresource.equals("restore") ? "RestoreObject" : "SelectObjectContent", "", bucket, key);
        }
        throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
      }
      default -> throw new CofferException(ErrorCode.METHOD_NOT_ALLOWED);
    }
  }

  /** A partNumber query parameter: 1 to 10000. */
  public static int partNumber(@Nullable String value) {
    if (value == null) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "A partNumber must be given with uploadId.");
    }
    return DecimalParam.parse(value, 1, 10_000)
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive"));
  }

  private static @Nullable String subresource(QueryParams query, List<String> known) {
    for (String name : known) {
      if (query.has(name)) {
        return name;
      }
    }
    return null;
  }

  private static S3Operation unsupported(
      String prefix, String subresource, String bucket, @Nullable String key) {
    return new S3Operation.Unsupported(prefix + capitalize(subresource), bucket, key);
  }

  private static String capitalize(String subresource) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : subresource.toCharArray()) {
      if (c == '-') {
        upper = true;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return out.toString();
  }
}
