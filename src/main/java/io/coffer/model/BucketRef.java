package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * What every request needs to know about a bucket it names: which one it is (the internal ID of
 * this generation of the name, see {@link Bucket#id()}), who owns it, and how writes to it are
 * versioned and locked, its access settings (policy, ACL, ownership, public access block) and its
 * features (tags, CORS, lifecycle, quota).
 */
public record BucketRef(
    String id,
    long ownerId,
    Versioning versioning,
    boolean objectLock,
    @Nullable DefaultRetention defaultRetention,
    BucketAccess access,
    BucketFeatures features) {}
