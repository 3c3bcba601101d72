package io.coffer.service;

import org.jspecify.annotations.Nullable;

/**
 * What a DeleteObject did, as S3 reports it.
 *
 * @param versionId the delete marker added or the version removed ({@code x-amz-version-id}); null
 *     when the bucket was never versioned
 * @param deleteMarker whether a delete marker was added, or the version removed was one
 * @param existed whether something was removed or hidden (false when the key was absent)
 */
public record DeleteOutcome(@Nullable String versionId, boolean deleteMarker, boolean existed) {}
