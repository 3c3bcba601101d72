package io.coffer.server;

import io.coffer.config.ServerConfig;
import io.coffer.model.Credential;
import io.coffer.service.ApiKeys;
import io.coffer.service.CredentialService;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The secrets a server starts with: the admin S3 credential (from the environment, or generated on
 * first start) and the management API key (likewise). Generated ones are shown once.
 *
 * @param generatedSecret the admin secret when it was generated now, else null
 * @param generatedApiKey the API key when it was generated now, else null
 */
public record Startup(
    @Nullable Credential admin,
    @Nullable String generatedSecret,
    ApiKeys apiKeys,
    @Nullable String generatedApiKey) {
  static final String ADMIN_USER = "admin";
  static final String API_KEY_FILE = "api-key.sha256";

  static Startup prepare(ServerConfig config, CredentialService credentials, Path internal)
      throws IOException {
    Credential admin;
    String generatedSecret = null;
    if (config.accessKey() != null && config.secretKey() != null) {
      admin = credentials.ensure(config.accessKey(), config.secretKey(), ADMIN_USER);
    } else {
      admin = findAdmin(credentials);
      if (admin == null && credentials.list().isEmpty()) {
        admin = credentials.create(ADMIN_USER, null, null);
        generatedSecret = admin.secretKey();
      }
    }
    StringBuilder generatedKey = new StringBuilder();
    ApiKeys apiKeys = ApiKeys.load(config.apiKey(), internal.resolve(API_KEY_FILE), generatedKey);
    return new Startup(
        admin, generatedSecret, apiKeys, generatedKey.isEmpty() ? null : generatedKey.toString());
  }

  /** The first credential of user {@code admin}, or null. */
  static @Nullable Credential findAdmin(CredentialService credentials) {
    return credentials.list().stream()
        .filter(c -> c.userName().equals(ADMIN_USER))
        .findFirst()
        .orElse(null);
  }

  @Override
  public String toString() {
    return "Startup[admin=" + (admin == null ? null : admin.accessKey()) + "]";
  }
}
