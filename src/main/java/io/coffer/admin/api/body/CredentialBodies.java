package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request and response bodies of /api/v1/credentials. */
public final class CredentialBodies {
  private CredentialBodies() {}

  /**
   * POST: every field optional; keys not given are generated. A service account names its parent
   * ({@code parent_id}) and may have an expiry (RFC 3339) and an inline {@code policy} (a JSON
   * object or a string holding one); other credentials may name policies and groups.
   */
  public record CreateRequest(
      @JsonProperty("user_name") String userName,
      @JsonProperty("access_key") String accessKey,
      @JsonProperty("secret_key") String secretKey,
      @JsonProperty("policies") List<String> policies,
      @JsonProperty("groups") List<String> groups,
      @JsonProperty("parent_id") Long parentId,
      @JsonProperty("expires_at") String expiresAt,
      @JsonProperty("policy") JsonNode policy) {}

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
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("policies") List<String> policies,
      @JsonProperty("groups") List<String> groups,
      @JsonProperty("parent_id") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long parentId,
      @JsonProperty("expires_at") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String expiresAt) {}

  public record ListBody(@JsonProperty("credentials") List<Summary> credentials) {}

  /**
   * GET /credentials/{id}: without the secret, with the credential's buckets, its policies and
   * groups, and for a service account its parent, expiry and inline policy (as a JSON object).
   */
  public record Detail(
      @JsonProperty("id") long id,
      @JsonProperty("access_key") String accessKey,
      @JsonProperty("user_name") String userName,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("bucket_count") int bucketCount,
      @JsonProperty("buckets") List<BucketBodies.Summary> buckets,
      @JsonProperty("policies") List<String> policies,
      @JsonProperty("groups") List<String> groups,
      @JsonProperty("parent_id") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long parentId,
      @JsonProperty("expires_at") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String expiresAt,
      @JsonProperty("policy") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable JsonNode policy) {}

  /** PUT: fields given are changed. */
  public record UpdateRequest(
      @JsonProperty("user_name") String userName, @JsonProperty("is_active") Boolean isActive) {}
}
