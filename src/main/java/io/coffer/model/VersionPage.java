package io.coffer.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of versions and common prefixes (each prefix counts as one entry against max-keys).
 *
 * @param nextKeyMarker when truncated, the key (or common prefix) the next page starts after
 * @param nextVersionIdMarker when truncated after a version, its ID; null after a common prefix
 */
public record VersionPage(
    List<ListedVersion> versions,
    List<String> commonPrefixes,
    boolean truncated,
    @Nullable String nextKeyMarker,
    @Nullable String nextVersionIdMarker) {}
