package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
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
      @JsonProperty("storage_path") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String storagePath,
      @JsonProperty("updated_at") @Nullable String updatedAt,
      @JsonProperty("version_id") String versionId,
      @JsonProperty("retention_mode") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String retentionMode,
      @JsonProperty("retain_until") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String retainUntil,
      @JsonProperty("legal_hold") boolean legalHold,
      @JsonProperty("encryption") @JsonInclude(JsonInclude.Include.ALWAYS)
          EncryptionBodies.@Nullable ObjectEncryption encryption) {}

  /** One version of a key, or a delete marker (size 0, etag ""). */
  public record Version(
      @JsonProperty("key") String key,
      @JsonProperty("version_id") String versionId,
      @JsonProperty("is_latest") boolean isLatest,
      @JsonProperty("is_delete_marker") boolean isDeleteMarker,
      @JsonProperty("size") long size,
      @JsonProperty("size_human") String sizeHuman,
      @JsonProperty("etag") String etag,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("retention_mode") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String retentionMode,
      @JsonProperty("retain_until") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String retainUntil,
      @JsonProperty("legal_hold") boolean legalHold) {}

  /** One page of a key's versions, newest first. */
  public record VersionList(
      @JsonProperty("versions") List<Version> versions,
      @JsonProperty("next_marker") @Nullable String nextMarker,
      @JsonProperty("truncated") boolean truncated) {}

  /** One page of a bucket's versions: by key, newest first within a key. */
  public record BucketVersionList(
      @JsonProperty("versions") List<Version> versions,
      @JsonProperty("prefixes") @Nullable List<String> prefixes,
      @JsonProperty("next_key_marker") @Nullable String nextKeyMarker,
      @JsonProperty("next_version_id_marker") @Nullable String nextVersionIdMarker,
      @JsonProperty("truncated") boolean truncated) {}

  public record RestoreRequest(@JsonProperty("version_id") String versionId) {}

  /** A retention to set; mode and retain_until both null remove it. */
  public record RetentionRequest(
      @JsonProperty("mode") @Nullable String mode,
      @JsonProperty("retain_until") @Nullable String retainUntil,
      @JsonProperty("version_id") @Nullable String versionId,
      @JsonProperty("bypass_governance") @Nullable Boolean bypassGovernance) {}

  public record LegalHoldRequest(
      @JsonProperty("status") String status,
      @JsonProperty("version_id") @Nullable String versionId) {}

  /** A version's lock after a change. */
  public record Lock(
      @JsonProperty("key") String key,
      @JsonProperty("version_id") String versionId,
      @JsonProperty("retention_mode") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String retentionMode,
      @JsonProperty("retain_until") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String retainUntil,
      @JsonProperty("legal_hold") boolean legalHold) {}

  public record DeleteRequest(@JsonProperty("keys") List<String> keys) {}

  /** Keys deleted, and (beyond the specification) the ones that were not, with why. */
  public record DeleteResult(
      @JsonProperty("deleted") List<String> deleted,
      @JsonProperty("errors") List<KeyError> errors) {}

  public record KeyError(
      @JsonProperty("key") String key, @JsonProperty("message") @Nullable String message) {}
}
