package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A version as ListObjectVersions shows it: an object version or a delete marker (then size 0, etag
 * empty, no checksum).
 *
 * @param latest whether this is the key's current version
 */
public record ListedVersion(
    String key,
    String versionId,
    boolean latest,
    boolean deleteMarker,
    long size,
    String etag,
    @Nullable StoredChecksum checksum,
    int partCount,
    Instant lastModified,
    ObjectLock lock) {}
