package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/kms/keys. Never any key material, sealed or not. */
public final class KmsBodies {
  private KmsBodies() {}

  /** POST: a new key's name (the key ID clients send). */
  public record CreateKey(@JsonProperty(value = "name", required = true) @Nullable String name) {}

  /** PUT /{name}: enable or disable. */
  public record UpdateKey(
      @JsonProperty(value = "enabled", required = true) @Nullable Boolean enabled) {}

  /**
   * A key as the API shows it.
   *
   * @param masterKeyId the master key that seals its material (rotation: see docs/security.md)
   */
  public record KeyBody(
      @JsonProperty("name") String name,
      @JsonProperty("enabled") boolean enabled,
      @JsonProperty("master_key_id") String masterKeyId,
      @JsonProperty("created_at") String createdAt) {}

  public record KeyList(@JsonProperty("keys") List<KeyBody> keys) {}
}
