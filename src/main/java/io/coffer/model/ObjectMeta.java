package io.coffer.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of one stored object (the current version of a key).
 *
 * @param headers stored system headers (Content-Encoding, Content-Disposition, Cache-Control, ...)
 *     keyed by their canonical HTTP names
 * @param userMetadata x-amz-meta-* values keyed by the lower-case name without the prefix
 * @param checksum the object's checksum, or null when none was requested or sent
 * @param storage where the object's bytes are
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
    Storage storage) {

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
