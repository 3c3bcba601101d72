package io.coffer.config;

import org.jspecify.annotations.Nullable;

/**
 * Encryption at rest.
 *
 * @param allowSseCOverHttp --allow-sse-c-over-http: accept SSE-C keys over plain HTTP (test rigs,
 *     TLS-terminating proxies); AWS refuses them
 * @param masterKey COFFER_KMS_MASTER_KEY ({@code name:base64 of 32 bytes}), or null to use (or
 *     create) the master key file in the data directory
 */
public record EncryptionSettings(boolean allowSseCOverHttp, @Nullable String masterKey) {

  public static final EncryptionSettings DEFAULT = new EncryptionSettings(false, null);

  /** Never shows the master key. */
  @Override
  public String toString() {
    return "EncryptionSettings[allowSseCOverHttp="
        + allowSseCOverHttp
        + ", masterKey="
        + (masterKey == null ? "file" : "environment")
        + "]";
  }
}
