package io.coffer.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of one stored object: one version of a key.
 *
 * @param headers stored system headers (Content-Encoding, Content-Disposition, Cache-Control, ...)
 *     keyed by their canonical HTTP names
 * @param userMetadata x-amz-meta-* values keyed by the lower-case name without the prefix
 * @param checksum the object's checksum, or null when none was requested or sent
 * @param storage where the object's bytes are
 * @param versionId the version's ID, {@link KeyVersion#NULL_VERSION} for the null version
 * @param lock the version's retention and legal hold
 * @param acl the version's ACL, or null for the default: owned by the bucket owner, private
 * @param tags the version's tag set, empty for none
 * @param encryption how the version's bytes are encrypted at rest, or null when they are not
 */
public record ObjectMeta(
    String bucket,
    String key,
    long size,
    String etag,
    String contentType,
    Map<String, String> headers,
    Map<String, String> userMetadata,
    @Nullable StoredChecksum checksum,
    Instant createdAt,
    Instant updatedAt,
    Storage storage,
    String versionId,
    ObjectLock lock,
    @Nullable Acl acl,
    Map<String, String> tags,
    @Nullable Encryption encryption)
    implements KeyVersion {

  public ObjectMeta {
    tags = Tags.copyOf(tags);
  }

  /**
   * A new object's metadata as a write makes it: the null version, unlocked, until the store says.
   */
  public static ObjectMeta written(
      String bucket,
      String key,
      long size,
      String etag,
      String contentType,
      Map<String, String> headers,
      Map<String, String> userMetadata,
      @Nullable StoredChecksum checksum,
      Instant createdAt,
      Storage storage) {
    return new ObjectMeta(
        bucket,
        key,
        size,
        etag,
        contentType,
        headers,
        userMetadata,
        checksum,
        createdAt,
        createdAt,
        storage,
        NULL_VERSION,
        ObjectLock.NONE,
        null,
        Map.of(),
        null);
  }

  public ObjectMeta withVersion(String newVersionId) {
    return new ObjectMeta(
        bucket,
        key,
        size,
        etag,
        contentType,
        headers,
        userMetadata,
        checksum,
        createdAt,
        updatedAt,
        storage,
        newVersionId,
        lock,
        acl,
        tags,
        encryption);
  }

  public ObjectMeta withLock(ObjectLock newLock) {
    return new ObjectMeta(
        bucket,
        key,
        size,
        etag,
        contentType,
        headers,
        userMetadata,
        checksum,
        createdAt,
        updatedAt,
        storage,
        versionId,
        newLock,
        acl,
        tags,
        encryption);
  }

  public ObjectMeta withAcl(@Nullable Acl newAcl) {
    return new ObjectMeta(
        bucket,
        key,
        size,
        etag,
        contentType,
        headers,
        userMetadata,
        checksum,
        createdAt,
        updatedAt,
        storage,
        versionId,
        lock,
        newAcl,
        tags,
        encryption);
  }

  public ObjectMeta withTags(Map<String, String> newTags) {
    return new ObjectMeta(
        bucket,
        key,
        size,
        etag,
        contentType,
        headers,
        userMetadata,
        checksum,
        createdAt,
        updatedAt,
        storage,
        versionId,
        lock,
        acl,
        newTags,
        encryption);
  }

  public ObjectMeta withEncryption(@Nullable Encryption newEncryption) {
    return new ObjectMeta(
        bucket,
        key,
        size,
        etag,
        contentType,
        headers,
        userMetadata,
        checksum,
        createdAt,
        updatedAt,
        storage,
        versionId,
        lock,
        acl,
        tags,
        newEncryption);
  }

  public boolean isMultipart() {
    return storage instanceof Storage.Parts;
  }

  /** The number of parts of a multipart object, 0 for an object written in one piece. */
  public int partCount() {
    return storage instanceof Storage.Parts parts ? parts.count() : 0;
  }

  /** What a listing shows of this object. */
  public ListedObject listed() {
    return new ListedObject(
        bucket, key, size, etag, contentType, checksum, partCount(), createdAt, updatedAt);
  }
}
