package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request bodies of an object's /copy and /metadata routes. */
public final class ObjectCopyBodies {
  private ObjectCopyBodies() {}

  /**
   * POST …/objects/{key}/copy: copies the object (the version named, else the current one) to
   * {@code target_key} in {@code target_bucket} (the same bucket when absent).
   */
  public record CopyRequest(
      @JsonProperty("target_bucket") @Nullable String targetBucket,
      @JsonProperty("target_key") @Nullable String targetKey,
      @JsonProperty("version_id") @Nullable String versionId) {}

  /**
   * POST …/objects/{key}/metadata: the object's content type and user metadata, replaced as a whole
   * (a copy onto itself with the REPLACE directive, as S3 changes metadata).
   */
  public record MetadataRequest(
      @JsonProperty("content_type") @Nullable String contentType,
      @JsonProperty("metadata") @Nullable Map<String, String> metadata) {}
}
