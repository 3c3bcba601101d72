package io.coffer.meta.postgres;

import io.coffer.model.Versioning;

/**
 * A bucket as a write sees it, read with {@code FOR SHARE} in the write's transaction so that it
 * cannot be deleted, nor its versioning changed, before the write commits (owner: objects, B).
 *
 * @param notifies whether the bucket has notification rules
 */
record LockedBucket(String name, String id, Versioning versioning, boolean notifies) {}
