package io.coffer.http.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.TestCertificates;
import io.coffer.it.support.TestCertificates.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up refuses unusable certificates; reloads swap good ones and keep the old on bad ones. */
class ServerTlsTest {
  static final TestCertificates CA = TestCertificates.newAuthority("reload test CA");

  @TempDir Path temp;

  TlsSettings settings() {
    return new TlsSettings(temp.resolve("cert.pem"), temp.resolve("key.pem"), null)
        .withEngine(TlsSettings.Engine.JDK)
        .withReloadInterval(Duration.ofHours(1)); // reloads only when the test asks
  }

  @Test
  void anUnusableCertificateStopsTheStartWithItsReason() throws Exception {
    CA.issue("RSA", "a")
        .writeTo(temp.resolve("cert.pem"), temp.resolve("other.pem"), KeyFormat.PKCS8);
    CA.issue("RSA", "b").writeTo(temp.resolve("x.pem"), temp.resolve("key.pem"), KeyFormat.PKCS8);
    assertThatThrownBy(() -> ServerTls.start(settings()))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("does not belong to the certificate");
    assertThatThrownBy(
            () ->
                ServerTls.start(
                    new TlsSettings(null, null, Files.createDirectory(temp.resolve("d")))))
        .hasMessageContaining("holds no folder with a certificate");
  }

  @Test
  void aReloadSwapsAGoodPairAndKeepsTheOldOneOverABrokenPair() throws Exception {
    Path cert = temp.resolve("cert.pem");
    Path key = temp.resolve("key.pem");
    CA.issue("EC", "first").writeTo(cert, key, KeyFormat.PKCS8);
    try (ServerTls tls = ServerTls.start(settings())) {
      var first = tls.contextFor(null);
      tls.reload();
      assertThat(tls.contextFor(null)).as("unchanged files, same context").isSameAs(first);

      Files.writeString(key, "garbage");
      tls.reload();
      assertThat(tls.contextFor(null)).as("broken files keep the old one").isSameAs(first);
      Files.delete(key);
      tls.reload();
      assertThat(tls.contextFor(null)).isSameAs(first);

      CA.issue("RSA", "second").writeTo(cert, key, KeyFormat.TRADITIONAL);
      tls.reload();
      assertThat(tls.contextFor(null)).as("a good pair is taken").isNotSameAs(first);
    }
  }
}
