package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * A rule's NoncurrentVersionExpiration.
 *
 * @param noncurrentDays days after a version became noncurrent
 * @param newerNoncurrentVersions how many newer noncurrent versions are kept regardless, or null
 */
public record NoncurrentVersionExpiration(
    int noncurrentDays, @Nullable Integer newerNoncurrentVersions) {}
