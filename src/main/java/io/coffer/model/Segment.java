package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * One stored piece of an object: a completed multipart upload is the ordered list of its parts,
 * kept where they were uploaded.
 */
public record Segment(
    int partNumber, String blobId, long size, String etag, @Nullable StoredChecksum checksum) {}
