package io.coffer.config;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The server's own TLS: both ports serve HTTPS when a certificate and key are given.
 *
 * @param certificate --tls-cert: PEM certificate chain, or null for plain HTTP
 * @param privateKey --tls-key: PEM private key (RSA or EC), or null
 * @param certsDir --certs-dir: one sub-folder per host name (SNI), or null
 * @param engine --tls-engine: which TLS implementation serves the connections
 * @param reloadInterval how often the certificate files are checked for a change
 */
public record TlsSettings(
    @Nullable Path certificate,
    @Nullable Path privateKey,
    @Nullable Path certsDir,
    Engine engine,
    Duration reloadInterval) {

  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(10);

  public static final TlsSettings PLAIN = new TlsSettings(null, null, null);

  public TlsSettings(
      @Nullable Path certificate, @Nullable Path privateKey, @Nullable Path certsDir) {
    this(certificate, privateKey, certsDir, Engine.AUTO, DEFAULT_RELOAD_INTERVAL);
  }

  public boolean enabled() {
    return certificate != null || certsDir != null;
  }

  public TlsSettings withEngine(Engine newEngine) {
    return new TlsSettings(certificate, privateKey, certsDir, newEngine, reloadInterval);
  }

  public TlsSettings withReloadInterval(Duration interval) {
    return new TlsSettings(certificate, privateKey, certsDir, engine, interval);
  }

  /** The TLS implementation: BoringSSL through Netty (faster) or the JDK's own. */
  public enum Engine {
    /** BoringSSL where its native library loads on this platform, else the JDK's. */
    AUTO,
    /** BoringSSL (netty-tcnative); start-up fails where it does not load. */
    OPENSSL,
    /** The JDK's SSLEngine. */
    JDK
  }
}
