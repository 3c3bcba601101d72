package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * A page request over buckets in name order (keyset pagination: the page starts after the last name
 * of the previous one).
 *
 * @param ownerId only this credential's buckets, or {@link #ANY_OWNER} for all
 * @param prefix only names starting with this ("" for all)
 * @param region only buckets in this region, or null for any
 * @param after only names strictly greater than this, or null from the start
 * @param limit at most this many buckets
 */
public record BucketQuery(
    long ownerId, String prefix, @Nullable String region, @Nullable String after, int limit) {
  public static final long ANY_OWNER = -1;
}
