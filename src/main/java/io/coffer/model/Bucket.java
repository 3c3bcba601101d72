package io.coffer.model;

import java.time.Instant;

/** A bucket with its owner and the counters kept in the same transaction as each change. */
public record Bucket(
    String name, long ownerId, String region, Instant createdAt, long objectCount, long totalSize) {}
