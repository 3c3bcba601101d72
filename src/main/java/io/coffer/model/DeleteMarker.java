package io.coffer.model;

import java.time.Instant;

/** A delete marker: the version a delete in a versioned bucket adds, hiding the key. */
public record DeleteMarker(String bucket, String key, String versionId, Instant createdAt)
    implements KeyVersion {}
