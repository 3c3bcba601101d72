package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An uploaded part of a multipart upload; its bytes are in the blob named blobId. */
public record Part(
    String uploadId,
    int partNumber,
    String blobId,
    long size,
    String etag,
    @Nullable StoredChecksum checksum,
    Instant lastModified) {

  public Segment toSegment() {
    return new Segment(partNumber, blobId, size, etag, checksum);
  }
}
