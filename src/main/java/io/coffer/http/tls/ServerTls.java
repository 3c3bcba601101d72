package io.coffer.http.tls;

import io.coffer.config.TlsSettings;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.Mapping;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates both ports serve, picked per connection by the host name the client asks for
 * (SNI), and re-read when their files change: a renewal swaps the certificate for new connections
 * while open ones carry on with the one they started with; files that cannot be used are logged and
 * the certificate in use stays.
 */
public final class ServerTls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerTls.class);
  private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final TlsSettings settings;
  private final SslContexts contexts;

  /** What each source serves now; guarded by {@code this}. */
  private final Map<CertificateSource, Loaded> loaded = new HashMap<>();

  /** Fingerprints of files found broken, so that each broken state is logged once. */
  private final Map<CertificateSource, byte[]> refused = new HashMap<>();

  private volatile Mapping<String, SslContext> mapping;
  private final ScheduledExecutorService watcher;

  private ServerTls(TlsSettings settings) throws TlsSetupException {
    this.settings = settings;
    this.contexts = SslContexts.forEngine(settings.engine());
    List<CertificateSource> sources = sources();
    if (sources.isEmpty()) {
      throw new TlsSetupException(
          "no certificate found: --certs-dir "
              + settings.certsDir()
              + " holds no folder with a certificate and key pair"
              + " (public.crt and private.key, fullchain.pem and privkey.pem, or tls.crt and"
              + " tls.key)");
    }
    for (CertificateSource source : sources) {
      CertifiedKey certified = CertifiedKey.load(source.certificate(), source.privateKey());
      loaded.put(source, new Loaded(certified.fingerprint(), contexts.build(certified, source)));
    }
    this.mapping = buildMapping();
    this.watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "coffer-tls-reload");
              t.setDaemon(true);
              return t;
            });
    long interval = Math.max(1, settings.reloadInterval().toMillis());
    watcher.scheduleWithFixedDelay(this::reloadQuietly, interval, interval, TimeUnit.MILLISECONDS);
    log.debug("TLS with the {} engine, {} certificate(s)", contexts.engineName(), loaded.size());
  }

  /**
   * Reads the certificates the settings name (a failure is a {@link TlsSetupException} naming the
   * file) and starts watching their files.
   */
  public static ServerTls start(TlsSettings settings) throws TlsSetupException {
    return new ServerTls(settings);
  }

  /** The TLS engine in use: "openssl" (BoringSSL) or "jdk". */
  public String engine() {
    return contexts.engineName();
  }

  /**
   * The handler that opens a new connection's TLS: it reads the client's hello, picks the
   * certificate for the host it names, and replaces itself with the SslHandler.
   */
  public ChannelHandler newHandler() {
    return new SniHandler((Mapping<String, SslContext>) this::contextFor, HANDSHAKE_TIMEOUT_MILLIS);
  }

  private SslContext contextFor(@Nullable String host) {
    return mapping.map(host);
  }

  /** Checks every certificate's files now (the watcher does it at the reload interval). */
  public synchronized void reload() {
    List<CertificateSource> sources;
    try {
      sources = sources();
    } catch (TlsSetupException e) {
      log.warn("TLS certificates not reloaded, those in use stay: {}", e.getMessage());
      return;
    }
    Set<CertificateSource> present = new HashSet<>(sources);
    refused.keySet().retainAll(present);
    boolean changed = false;
    for (CertificateSource source : sources) {
      changed |= reload(source);
    }
    for (CertificateSource gone : Set.copyOf(loaded.keySet())) {
      // A host folder removed stops being served, unless it was the last certificate left.
      if (!present.contains(gone) && loaded.size() > 1) {
        loaded.remove(gone);
        log.info("TLS: {} removed ({} is gone)", gone.name(), gone.certificate());
        changed = true;
      }
    }
    if (changed) {
      mapping = buildMapping();
    }
  }

  private boolean reload(CertificateSource source) {
    Loaded current = loaded.get(source);
    byte[] fingerprint;
    try {
      fingerprint = CertifiedKey.fingerprint(source.certificate(), source.privateKey());
    } catch (IOException e) {
      refuse(source, new byte[0], "cannot read its files: " + e);
      return false;
    }
    if (current != null && Arrays.equals(current.fingerprint, fingerprint)) {
      refused.remove(source);
      return false;
    }
    if (Arrays.equals(refused.get(source), fingerprint)) {
      return false; // still the same broken files, already logged
    }
    try {
      CertifiedKey certified = CertifiedKey.load(source.certificate(), source.privateKey());
      SslContext context = contexts.build(certified, source);
      loaded.put(source, new Loaded(certified.fingerprint(), context));
      refused.remove(source);
      log.info(
          "TLS: {} {} from {} ({})",
          current == null ? "added" : "reloaded",
          source.name(),
          source.certificate(),
          certified.subject());
      return true;
    } catch (TlsSetupException e) {
      refuse(source, fingerprint, e.getMessage());
      return false;
    }
  }

  private void refuse(CertificateSource source, byte[] fingerprint, @Nullable String why) {
    if (Arrays.equals(refused.put(source, fingerprint), fingerprint)) {
      return;
    }
    if (loaded.containsKey(source)) {
      log.warn("TLS: {} not reloaded, the one in use stays: {}", source.name(), why);
    } else {
      log.warn("TLS: {} not added: {}", source.name(), why);
    }
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.warn("TLS: checking the certificate files failed", e);
    }
  }

  private List<CertificateSource> sources() throws TlsSetupException {
    try {
      return CertificateSource.of(settings);
    } catch (IOException e) {
      throw new TlsSetupException("cannot read --certs-dir " + settings.certsDir() + ": " + e, e);
    }
  }

  /**
   * Host name → context. The default is the source without a host, else the first host folder (by
   * name): clients that name no host (an IP address) or an unknown one get it.
   */
  private Mapping<String, SslContext> buildMapping() {
    SslContext fallback = null;
    Map<String, SslContext> hosts = new HashMap<>();
    for (Map.Entry<CertificateSource, Loaded> entry : loaded.entrySet()) {
      String host = entry.getKey().host();
      if (host == null) {
        fallback = entry.getValue().context;
      } else {
        hosts.put(host, entry.getValue().context);
      }
    }
    if (fallback == null) {
      String first = hosts.keySet().stream().sorted().findFirst().orElseThrow();
      fallback = hosts.get(first);
    }
    DomainWildcardMappingBuilder<SslContext> builder =
        new DomainWildcardMappingBuilder<>(Objects.requireNonNull(fallback));
    hosts.forEach(builder::add);
    return builder.build();
  }

  @Override
  public void close() {
    watcher.shutdownNow();
  }

  private record Loaded(byte[] fingerprint, SslContext context) {}
}
