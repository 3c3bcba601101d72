package io.coffer.model;

/**
 * One stored piece of an object: a completed multipart upload is the ordered list of its parts,
 * kept where they were uploaded.
 */
public record Segment(int partNumber, String blobId, long size, String etag, StoredChecksum checksum) {}
