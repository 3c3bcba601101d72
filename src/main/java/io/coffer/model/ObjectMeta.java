package io.coffer.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of one stored object.
 *
 * @param storageId generated ID of this version of the object; names its blob when the object is
 *     a single blob
 * @param partCount 0 for an object written in one piece, otherwise the number of multipart segments
 * @param headers stored system headers (Content-Encoding, Content-Disposition, Cache-Control, ...)
 *     keyed by their canonical HTTP names
 * @param userMetadata x-amz-meta-* values keyed by the lower-case name without the prefix
 * @param checksum the object's checksum, or null when none was requested or sent
 * @param inlineData the object's bytes when small objects are kept in the metadata store, else null
 */
public record ObjectMeta(
    String bucket,
    String key,
    String storageId,
    long size,
    String etag,
    String contentType,
    Map<String, String> headers,
    Map<String, String> userMetadata,
    @Nullable StoredChecksum checksum,
    int partCount,
    Instant createdAt,
    Instant updatedAt,
    byte @Nullable [] inlineData) {

  public boolean isMultipart() {
    return partCount > 0;
  }

  public boolean isInline() {
    return inlineData != null;
  }
}
