package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Response bodies of /api/v1/buckets/{bucket}/multipart-uploads. */
public final class UploadBodies {
  private UploadBodies() {}

  public record Summary(
      @JsonProperty("upload_id") String uploadId,
      @JsonProperty("object_key") String objectKey,
      @JsonProperty("initiated_by") @Nullable String initiatedBy,
      @JsonProperty("content_type") String contentType,
      @JsonProperty("initiated_at") @Nullable String initiatedAt,
      @JsonProperty("part_count") int partCount,
      @JsonProperty("total_size") long totalSize,
      @JsonProperty("total_size_human") String totalSizeHuman) {}

  /** One page; the markers and truncated are beyond the specification. */
  public record ListBody(
      @JsonProperty("uploads") List<Summary> uploads,
      @JsonProperty("next_key_marker") @Nullable String nextKeyMarker,
      @JsonProperty("next_upload_id_marker") @Nullable String nextUploadIdMarker,
      @JsonProperty("truncated") boolean truncated) {}
}
