package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/buckets/{bucket}/objects. */
public final class ObjectBodies {
  private ObjectBodies() {}

  public record Summary(
      @JsonProperty("key") String key,
      @JsonProperty("size") long size,
      @JsonProperty("size_human") String sizeHuman,
      @JsonProperty("content_type") String contentType,
      @JsonProperty("etag") String etag,
      @JsonProperty("is_multipart") boolean isMultipart,
      @JsonProperty("created_at") @Nullable String createdAt) {}

  /** One page; prefixes (with a delimiter), next_marker and truncated are beyond the spec. */
  public record ListBody(
      @JsonProperty("objects") List<Summary> objects,
      @JsonProperty("prefixes") @Nullable List<String> prefixes,
      @JsonProperty("next_marker") @Nullable String nextMarker,
      @JsonProperty("truncated") boolean truncated) {}

  public record Detail(
      @JsonProperty("key") String key,
      @JsonProperty("size") long size,
      @JsonProperty("size_human") String sizeHuman,
      @JsonProperty("content_type") String contentType,
      @JsonProperty("etag") String etag,
      @JsonProperty("is_multipart") boolean isMultipart,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("part_count") int partCount,
      @JsonProperty("metadata") Map<String, String> metadata,
      @JsonProperty("storage_path") String storagePath,
      @JsonProperty("updated_at") @Nullable String updatedAt) {}

  public record DeleteRequest(@JsonProperty("keys") List<String> keys) {}

  /** Keys deleted, and (beyond the specification) the ones that were not, with why. */
  public record DeleteResult(
      @JsonProperty("deleted") List<String> deleted,
      @JsonProperty("errors") List<KeyError> errors) {}

  public record KeyError(
      @JsonProperty("key") String key, @JsonProperty("message") @Nullable String message) {}
}
