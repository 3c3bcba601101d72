package io.coffer.model;

import java.time.Instant;

/**
 * A bucket with its owner and the counters kept in the same transaction as each change.
 *
 * @param id the internal ID of this bucket, generated when it is created and never reused: a name
 *     deleted and created again gets a new ID, and blob storage is addressed by it (never by name)
 */
public record Bucket(
    String name,
    String id,
    long ownerId,
    String region,
    Instant createdAt,
    long objectCount,
    long totalSize) {}
