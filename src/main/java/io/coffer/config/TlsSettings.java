package io.coffer.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The server's own TLS: both ports serve HTTPS when a certificate and key are given.
 *
 * @param certificate --tls-cert: PEM certificate chain, or null for plain HTTP
 * @param privateKey --tls-key: PEM private key (RSA or EC), or null
 * @param certsDir --certs-dir: one sub-folder per host name (SNI), or null
 */
public record TlsSettings(
    @Nullable Path certificate, @Nullable Path privateKey, @Nullable Path certsDir) {

  public static final TlsSettings PLAIN = new TlsSettings(null, null, null);

  public boolean enabled() {
    return certificate != null || certsDir != null;
  }
}
