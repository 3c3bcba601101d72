package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/buckets. */
public final class BucketBodies {
  private BucketBodies() {}

  public record CreateRequest(
      @JsonProperty("name") String name,
      @JsonProperty("owner_id") Long ownerId,
      @JsonProperty("region") String region,
      @JsonProperty("object_lock") Boolean objectLock) {}

  /** PUT /buckets/{bucket}/versioning: "Enabled" or "Suspended". */
  public record VersioningRequest(@JsonProperty("status") String status) {}

  public record Summary(
      @JsonProperty("name") String name,
      @JsonProperty("region") String region,
      @JsonProperty("owner") @Nullable String owner,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("object_count") long objectCount,
      @JsonProperty("total_size") long totalSize,
      @JsonProperty("total_size_human") String totalSizeHuman,
      @JsonProperty("versioning") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String versioning,
      @JsonProperty("object_lock") boolean objectLock,
      @JsonProperty("quota_bytes") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Long quotaBytes) {}

  public record ListBody(@JsonProperty("buckets") List<Summary> buckets) {}

  /** The bucket's versioning state after a change. */
  public record VersioningBody(
      @JsonProperty("name") String name,
      @JsonProperty("versioning") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String versioning,
      @JsonProperty("object_lock") boolean objectLock) {}

  /**
   * A bucket with one page of its objects; prefixes (with a delimiter), next_marker and truncated
   * are beyond the specification.
   */
  public record Detail(
      @JsonProperty("name") String name,
      @JsonProperty("region") String region,
      @JsonProperty("owner") @Nullable String owner,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("object_count") long objectCount,
      @JsonProperty("total_size") long totalSize,
      @JsonProperty("total_size_human") String totalSizeHuman,
      @JsonProperty("versioning") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String versioning,
      @JsonProperty("object_lock") boolean objectLock,
      @JsonProperty("quota_bytes") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Long quotaBytes,
      @JsonProperty("objects") List<ObjectBodies.Summary> objects,
      @JsonProperty("prefixes") @Nullable List<String> prefixes,
      @JsonProperty("next_marker") @Nullable String nextMarker,
      @JsonProperty("truncated") boolean truncated) {}
}
