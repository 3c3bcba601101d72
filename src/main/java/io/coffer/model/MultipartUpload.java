package io.coffer.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An upload in progress.
 *
 * @param checksumAlgorithm the algorithm requested at creation, or null
 * @param checksumType FULL_OBJECT or COMPOSITE when an algorithm was requested, else null
 * @param lock the retention and legal hold the completed object gets
 * @param acl the ACL the completed object gets, or null for the default (the bucket owner's,
 *     private)
 * @param tags the tag set the completed object gets, empty for none
 * @param encryption how the parts (and the completed object) are encrypted, or null
 */
public record MultipartUpload(
    String uploadId,
    String bucket,
    String key,
    long initiatorId,
    String contentType,
    Map<String, String> headers,
    Map<String, String> userMetadata,
    @Nullable String checksumAlgorithm,
    @Nullable String checksumType,
    Instant initiatedAt,
    ObjectLock lock,
    @Nullable Acl acl,
    Map<String, String> tags,
    @Nullable Encryption encryption) {

  public MultipartUpload {
    tags = Tags.copyOf(tags);
  }

  public MultipartUpload withAcl(@Nullable Acl newAcl) {
    return new MultipartUpload(
        uploadId,
        bucket,
        key,
        initiatorId,
        contentType,
        headers,
        userMetadata,
        checksumAlgorithm,
        checksumType,
        initiatedAt,
        lock,
        newAcl,
        tags,
        encryption);
  }
}
