package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * One page of a ListObjectVersions: versions ordered by key, then newest first within a key,
 * grouped by delimiter like an object listing. The page starts after ({@code keyMarker}, {@code
 * versionIdMarker}) as S3 defines it: with no version marker, after every version of keyMarker;
 * with one, after that version of keyMarker.
 */
public record VersionQuery(
    String bucket,
    String prefix,
    @Nullable String delimiter,
    @Nullable String keyMarker,
    @Nullable String versionIdMarker,
    int maxKeys) {}
