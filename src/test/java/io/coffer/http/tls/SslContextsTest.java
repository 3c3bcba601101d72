package io.coffer.http.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.TestCertificates;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both engines serve TLS 1.2 and 1.3 only, with forward-secret AEAD ciphers, and ALPN http/1.1. */
class SslContextsTest {
  static final TestCertificates CA = TestCertificates.newAuthority("engine test CA");

  @ParameterizedTest
  @EnumSource(
      value = TlsSettings.Engine.class,
      names = {"JDK", "OPENSSL"})
  void onlyTls12And13AndAeadCiphers(TlsSettings.Engine engine) throws Exception {
    Assumptions.assumeTrue(engine == TlsSettings.Engine.JDK || OpenSsl.isAvailable());
    SslContexts contexts = SslContexts.forEngine(engine);
    assertThat(contexts.engineName())
        .isEqualTo(engine == TlsSettings.Engine.JDK ? "jdk" : "openssl");
    TestCertificates.Issued issued = CA.issue("RSA", "example.com");
    CertifiedKey certified = new CertifiedKey(issued.chain(), issued.key(), new byte[32]);
    SslContext context =
        contexts.build(
            certified, new CertificateSource(null, Path.of("cert.pem"), Path.of("key.pem")));
    SSLEngine ssl = context.newEngine(ByteBufAllocator.DEFAULT);
    // Netty leaves the JDK's SSLv2Hello on: no protocol, only the envelope an old client may wrap
    // its hello in, and the version it negotiates is still 1.2 or 1.3.
    assertThat(List.of(ssl.getEnabledProtocols()))
        .filteredOn(protocol -> !protocol.equals("SSLv2Hello"))
        .containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
    assertThat(List.of(ssl.getEnabledCipherSuites()))
        .isNotEmpty()
        .allSatisfy(
            suite ->
                assertThat(suite)
                    .matches("TLS_(AES|CHACHA20).*|TLS_ECDHE_.*_WITH_(AES_\\d+_GCM|CHACHA20).*"));
    assertThat(context.applicationProtocolNegotiator().protocols()).containsExactly("http/1.1");
  }

  @org.junit.jupiter.api.Test
  void autoPicksBoringSslWhereItLoads() throws Exception {
    assertThat(SslContexts.forEngine(TlsSettings.Engine.AUTO).engineName())
        .isEqualTo(OpenSsl.isAvailable() ? "openssl" : "jdk");
  }
}
