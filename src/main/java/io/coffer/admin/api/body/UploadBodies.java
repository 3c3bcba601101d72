package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Bodies of /api/v1/buckets/{bucket}/multipart-uploads and /api/v1/multipart-uploads. */
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

  /** An upload in progress with the bucket it is in, for the list across buckets. */
  public record BucketSummary(
      @JsonProperty("bucket") String bucket,
      @JsonProperty("upload_id") String uploadId,
      @JsonProperty("object_key") String objectKey,
      @JsonProperty("initiated_by") @Nullable String initiatedBy,
      @JsonProperty("content_type") String contentType,
      @JsonProperty("initiated_at") @Nullable String initiatedAt,
      @JsonProperty("part_count") int partCount,
      @JsonProperty("total_size") long totalSize,
      @JsonProperty("total_size_human") String totalSizeHuman) {}

  /** One page of the uploads in progress in every bucket, by bucket then key. */
  public record AllListBody(
      @JsonProperty("uploads") List<BucketSummary> uploads,
      @JsonProperty("next_bucket_marker") @Nullable String nextBucketMarker,
      @JsonProperty("next_key_marker") @Nullable String nextKeyMarker,
      @JsonProperty("next_upload_id_marker") @Nullable String nextUploadIdMarker,
      @JsonProperty("truncated") boolean truncated) {}

  /** Starts an upload of {@code key}; the content type is the object's. */
  public record CreateRequest(
      @JsonProperty("key") @Nullable String key,
      @JsonProperty("content_type") @Nullable String contentType) {}

  public record Created(
      @JsonProperty("bucket") String bucket,
      @JsonProperty("key") String key,
      @JsonProperty("upload_id") String uploadId) {}

  public record PartBody(
      @JsonProperty("part_number") int partNumber,
      @JsonProperty("etag") String etag,
      @JsonProperty("size") long size,
      @JsonProperty("last_modified") @Nullable String lastModified) {}

  public record PartList(
      @JsonProperty("bucket") String bucket,
      @JsonProperty("key") String key,
      @JsonProperty("upload_id") String uploadId,
      @JsonProperty("parts") List<PartBody> parts,
      @JsonProperty("next_part_number_marker") @Nullable Integer nextPartNumberMarker,
      @JsonProperty("truncated") boolean truncated) {}

  /** A part named in a completion: its number and the ETag its upload answered. */
  public record CompletedPart(
      @JsonProperty("part_number") @Nullable Integer partNumber,
      @JsonProperty("etag") @Nullable String etag) {}

  public record CompleteRequest(@JsonProperty("parts") @Nullable List<CompletedPart> parts) {}

  public record Completed(
      @JsonProperty("bucket") String bucket,
      @JsonProperty("key") String key,
      @JsonProperty("etag") String etag,
      @JsonProperty("size") long size,
      @JsonProperty("version_id") String versionId) {}
}
