package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An object as a listing shows it: no attributes beyond these and no storage, so a page of a
 * listing never carries (or pretends to carry) object bytes.
 *
 * @param checksum the object's checksum, or null
 * @param partCount the number of parts of a multipart object, 0 for one written in one piece
 */
public record ListedObject(
    String bucket,
    String key,
    long size,
    String etag,
    String contentType,
    @Nullable StoredChecksum checksum,
    int partCount,
    Instant createdAt,
    Instant updatedAt) {

  public boolean isMultipart() {
    return partCount > 0;
  }
}
