package io.coffer.model;

import java.util.List;

/** One page of in-progress multipart uploads. */
public record UploadListing(
    List<MultipartUpload> uploads,
    List<String> commonPrefixes,
    boolean truncated,
    String nextKeyMarker,
    String nextUploadIdMarker) {}
