package io.coffer.model;

import java.time.Instant;

/**
 * A blob file no object or upload uses any more, whose deletion the store deferred because a reader
 * on another node may still be reading it (the PostgreSQL store; see MetadataStore#releasedBlobs).
 *
 * @param id the store's handle for {@code forgetReleasedBlobs}
 */
public record ReleasedBlob(long id, String bucketId, String blobId, Instant releasedAt) {}
