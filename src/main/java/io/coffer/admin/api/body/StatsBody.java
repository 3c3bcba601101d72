package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;

/** GET /api/v1/stats. */
public record StatsBody(
    @JsonProperty("credentials") long credentials,
    @JsonProperty("buckets") long buckets,
    @JsonProperty("objects") long objects,
    @JsonProperty("total_storage") long totalStorage,
    @JsonProperty("total_storage_human") String totalStorageHuman,
    @JsonProperty("active_multipart_uploads") long activeMultipartUploads,
    @JsonProperty("active_presigned_urls") long activePresignedUrls) {}
