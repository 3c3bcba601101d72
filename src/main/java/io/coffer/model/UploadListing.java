package io.coffer.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of in-progress multipart uploads. */
public record UploadListing(
    List<MultipartUpload> uploads,
    List<String> commonPrefixes,
    boolean truncated,
    @Nullable String nextKeyMarker,
    @Nullable String nextUploadIdMarker) {}
