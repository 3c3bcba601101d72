package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/presigned-posts. */
public final class PresignedPostBodies {
  private PresignedPostBodies() {}

  public record CreateRequest(
      @JsonProperty("bucket") String bucket,
      @JsonProperty("key") @Nullable String key,
      @JsonProperty("key_prefix") @Nullable String keyPrefix,
      @JsonProperty("expires_in") @Nullable Long expiresIn,
      @JsonProperty("min_size") @Nullable Long minSize,
      @JsonProperty("max_size") @Nullable Long maxSize,
      @JsonProperty("content_type") @Nullable String contentType,
      @JsonProperty("access_key") String accessKey) {}

  /** Where to post and the fields to send before the file (named "file", last). */
  public record Created(
      @JsonProperty("url") String url,
      @JsonProperty("fields") Map<String, String> fields,
      @JsonProperty("expires_at") @Nullable String expiresAt) {}
}
