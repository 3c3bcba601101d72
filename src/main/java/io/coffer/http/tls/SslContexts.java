package io.coffer.http.tls;

import io.coffer.config.TlsSettings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/** Server SSL contexts as Coffer serves them: TLS 1.2 and 1.3 only, AEAD ciphers, ALPN http/1.1. */
final class SslContexts {
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  /**
   * TLS 1.3's suites, then TLS 1.2's with forward secrecy and authenticated encryption only (no
   * CBC, no static RSA key exchange): what Mozilla's "intermediate" profile allows. Each engine
   * keeps those it knows.
   */
  static final List<String> CIPHERS =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  /**
   * HTTP/1.1 is all Coffer speaks: offered through ALPN, and a client that offers only other
   * protocols gets no ALPN answer (and HTTP/1.1) rather than a failed handshake.
   */
  private static final ApplicationProtocolConfig ALPN =
      new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
          ApplicationProtocolNames.HTTP_1_1);

  private final SslProvider provider;

  private SslContexts(SslProvider provider) {
    this.provider = provider;
  }

  /** Contexts for the engine asked for; OPENSSL where BoringSSL does not load is an error. */
  static SslContexts forEngine(TlsSettings.Engine engine) throws TlsSetupException {
    return switch (engine) {
      case JDK -> new SslContexts(SslProvider.JDK);
      case OPENSSL -> {
        if (!OpenSsl.isAvailable()) {
          throw new TlsSetupException(
              "the OpenSSL TLS engine (BoringSSL) does not load on this platform: "
                  + OpenSsl.unavailabilityCause()
                  + "; use --tls-engine jdk or auto");
        }
        yield new SslContexts(SslProvider.OPENSSL);
      }
      case AUTO -> new SslContexts(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK);
    };
  }

  /** "openssl" (BoringSSL through netty-tcnative) or "jdk". */
  String engineName() {
    return provider == SslProvider.JDK ? "jdk" : "openssl";
  }

  SslContext build(CertifiedKey certified, CertificateSource source) throws TlsSetupException {
    try {
      return SslContextBuilder.forServer(
              certified.key(), certified.chain().toArray(X509Certificate[]::new))
          .sslProvider(provider)
          .protocols(PROTOCOLS)
          .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
          .applicationProtocolConfig(ALPN)
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new TlsSetupException(
          "the TLS engine refuses the certificate in " + source.certificate() + ": " + e, e);
    }
  }
}
