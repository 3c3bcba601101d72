package io.coffer.notify;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A webhook target: events are POSTed to {@code endpoint}; 2xx means delivered.
 *
 * @param endpoint an http or https URL (without user information: credentials go in {@code
 *     auth_token}, so that they are a secret field the API never returns)
 * @param authToken sent as {@code Authorization: Bearer <token>}, or null
 * @param hmacSecret signs each body, {@code X-Coffer-Signature: sha256=<hex HMAC-SHA256>}, or null
 */
record WebhookConfig(URI endpoint, @Nullable String authToken, @Nullable String hmacSecret) {

  static WebhookConfig parse(String json) {
    ConfigFields f = ConfigFields.parse(json);
    URI endpoint =
        ConfigUrls.parse("endpoint", f.requiredString("endpoint"), Set.of("http", "https"));
    if (endpoint.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "config.endpoint must not carry user information; use config.auth_token");
    }
    String authToken = f.optionalString("auth_token");
    if (authToken != null && !authToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "config.auth_token must be printable ASCII without spaces");
    }
    WebhookConfig config = new WebhookConfig(endpoint, authToken, f.optionalString("hmac_secret"));
    f.finish();
    return config;
  }

  String toJson() {
    ObjectNode o = ConfigFields.newObject();
    o.put("endpoint", endpoint.toString());
    if (authToken != null) {
      o.put("auth_token", authToken);
    }
    if (hmacSecret != null) {
      o.put("hmac_secret", hmacSecret);
    }
    return o.toString();
  }

  @Override
  public String toString() {
    // never the secrets, whoever logs this record
    return "WebhookConfig[endpoint=" + endpoint + "]";
  }
}
