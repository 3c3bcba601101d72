package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/sessions (console sign-in). */
public final class SessionBodies {
  private SessionBodies() {}

  /** Either the API key (the administrator) or an S3 access key ID with its secret (a user). */
  public record SignIn(
      @JsonProperty("api_key") @Nullable String apiKey,
      @JsonProperty("access_key_id") @Nullable String accessKeyId,
      @JsonProperty("secret_access_key") @Nullable String secretAccessKey) {}

  /** A session as its holder sees it: never a secret, nor the token (only the cookie has it). */
  public record Current(
      @JsonProperty("kind") String kind,
      @JsonProperty("access_key_id") @Nullable String accessKeyId,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("expires_at") @Nullable String expiresAt,
      @JsonProperty("idle_expires_at") @Nullable String idleExpiresAt) {}
}
