package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/credentials. */
public final class CredentialBodies {
  private CredentialBodies() {}

  /** POST: every field optional; keys not given are generated. */
  public record CreateRequest(
      @JsonProperty("user_name") String userName,
      @JsonProperty("access_key") String accessKey,
      @JsonProperty("secret_key") String secretKey) {}

  /** POST's answer: the only time the secret key is shown. */
  public record Created(
      @JsonProperty("id") long id,
      @JsonProperty("access_key") String accessKey,
      @JsonProperty("secret_key") String secretKey,
      @JsonProperty("user_name") String userName,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("created_at") @Nullable String createdAt) {}

  /** One entry of the list (beyond the specification), without the secret. */
  public record Summary(
      @JsonProperty("id") long id,
      @JsonProperty("access_key") String accessKey,
      @JsonProperty("user_name") String userName,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("created_at") @Nullable String createdAt) {}

  public record ListBody(@JsonProperty("credentials") List<Summary> credentials) {}

  /** GET /credentials/{id}: without the secret, with the credential's buckets. */
  public record Detail(
      @JsonProperty("id") long id,
      @JsonProperty("access_key") String accessKey,
      @JsonProperty("user_name") String userName,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("bucket_count") int bucketCount,
      @JsonProperty("buckets") List<BucketBodies.Summary> buckets) {}

  /** PUT: fields given are changed. */
  public record UpdateRequest(
      @JsonProperty("user_name") String userName, @JsonProperty("is_active") Boolean isActive) {}
}
