package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A bucket with its owner and the counters kept in the same transaction as each change.
 *
 * @param id the internal ID of this bucket, generated when it is created and never reused: a name
 *     deleted and created again gets a new ID, and blob storage is addressed by it (never by name)
 * @param totalSize the bytes of every stored version (objectCount counts current versions only)
 * @param objectLock whether object lock is enabled (then versioning is ENABLED for good)
 * @param defaultRetention the retention new versions get when they name none, or null
 * @param access the bucket's policy, ACL, object ownership and public access block
 * @param features the bucket's tags, CORS, lifecycle and quota
 */
public record Bucket(
    String name,
    String id,
    long ownerId,
    String region,
    Instant createdAt,
    long objectCount,
    long totalSize,
    Versioning versioning,
    boolean objectLock,
    @Nullable DefaultRetention defaultRetention,
    BucketAccess access,
    BucketFeatures features) {
  /** What a request on this bucket needs to know of it. */
  public BucketRef ref() {
    return new BucketRef(id, ownerId, versioning, objectLock, defaultRetention, access, features);
  }
}
