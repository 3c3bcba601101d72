package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * One lifecycle rule.
 *
 * @param id the rule's ID (AWS makes one up when none is sent)
 * @param enabled Status Enabled (true) or Disabled
 * @param filter which objects the rule applies to
 * @param expiration what happens to current versions and expired delete markers, or null
 * @param noncurrentExpiration what happens to noncurrent versions, or null
 * @param abortIncompleteUploadDays AbortIncompleteMultipartUpload's DaysAfterInitiation, or null
 */
public record LifecycleRule(
    String id,
    boolean enabled,
    LifecycleFilter filter,
    @Nullable LifecycleExpiration expiration,
    @Nullable NoncurrentVersionExpiration noncurrentExpiration,
    @Nullable Integer abortIncompleteUploadDays) {}
