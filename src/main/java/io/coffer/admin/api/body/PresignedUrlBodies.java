package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/presigned-urls. */
public final class PresignedUrlBodies {
  private PresignedUrlBodies() {}

  public record CreateRequest(
      @JsonProperty("bucket_name") String bucketName,
      @JsonProperty("object_key") String objectKey,
      @JsonProperty("method") String method,
      @JsonProperty("expires_in") Long expiresIn,
      @JsonProperty("access_key") String accessKey) {}

  /** The URL; id and expires_at are beyond the specification. */
  public record Created(
      @JsonProperty("url") String url,
      @JsonProperty("id") long id,
      @JsonProperty("expires_at") @Nullable String expiresAt) {}

  /** One entry of the list; id and status (active, expired, revoked) are beyond the spec. */
  public record Summary(
      @JsonProperty("id") long id,
      @JsonProperty("bucket_name") String bucketName,
      @JsonProperty("object_key") String objectKey,
      @JsonProperty("method") String method,
      @JsonProperty("access_key") String accessKey,
      @JsonProperty("expires_at") @Nullable String expiresAt,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("status") String status) {}

  public record ListBody(@JsonProperty("urls") List<Summary> urls) {}
}
