package io.coffer.it.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestCertificates;
import io.coffer.it.support.TestCertificates.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * --certs-dir: one folder per host name, picked by the name the client sends (SNI), a wildcard
 * folder for virtual-hosted buckets, the top of the folder for clients that name no host, and host
 * folders added while the server runs.
 */
class TlsSniIT {
  static final TestCertificates CA = TestCertificates.newAuthority("SNI test CA");
  static final Path DIR;
  static final TestCertificates.Issued DEFAULT = CA.issue("EC", "127.0.0.1");
  static final TestCertificates.Issued ALPHA = CA.issue("RSA", "alpha.example.com");
  static final TestCertificates.Issued WILDCARD = CA.issue("EC", "*.s3.example.com");

  static {
    try {
      DIR = Files.createTempDirectory("coffer-certs-");
      DEFAULT.writeTo(DIR.resolve("public.crt"), DIR.resolve("private.key"), KeyFormat.PKCS8);
      Path alpha = Files.createDirectory(DIR.resolve("alpha.example.com"));
      ALPHA.writeTo(
          alpha.resolve("fullchain.pem"), alpha.resolve("privkey.pem"), KeyFormat.TRADITIONAL);
      Path wildcard = Files.createDirectory(DIR.resolve("*.s3.example.com"));
      WILDCARD.writeTo(wildcard.resolve("tls.crt"), wildcard.resolve("tls.key"), KeyFormat.PKCS8);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @RegisterExtension
  static final CofferTestServer COFFER =
      new CofferTestServer()
          .configured(
              c ->
                  c.withTls(
                      new TlsSettings(null, null, DIR).withReloadInterval(Duration.ofMillis(200))))
          .trusting(CA.trustManagers());

  @AfterAll
  static void deleteCertificates() throws Exception {
    COFFER.server().close(); // first, so that its watcher does not report the files gone
    CofferTestServer.deleteRecursively(DIR);
  }

  @Test
  void eachHostNameGetsItsOwnCertificate() throws Exception {
    int port = COFFER.server().s3Port();
    assertThat(served(port, "alpha.example.com")).isEqualTo(ALPHA.certificate());
    assertThat(served(port, "ALPHA.example.com")).isEqualTo(ALPHA.certificate());
    assertThat(served(port, "photos.s3.example.com")).isEqualTo(WILDCARD.certificate());
    assertThat(served(port, "unknown.example.org")).isEqualTo(DEFAULT.certificate());
    assertThat(served(port, null)).isEqualTo(DEFAULT.certificate());
    // the console port serves the same certificates
    assertThat(served(COFFER.server().consolePort(), "alpha.example.com"))
        .isEqualTo(ALPHA.certificate());
  }

  @Test
  void aHostFolderAddedWhileRunningIsServedSoon() throws Exception {
    TestCertificates.Issued beta = CA.issue("RSA", "beta.example.com");
    Path folder = DIR.resolve("beta.example.com");
    Files.createDirectory(folder);
    beta.writeTo(folder.resolve("public.crt"), folder.resolve("private.key"), KeyFormat.PKCS8);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!served(COFFER.server().s3Port(), "beta.example.com").equals(beta.certificate())) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** The leaf certificate the server presents to a client naming {@code host} (or none). */
  static X509Certificate served(int port, String host) throws Exception {
    SSLSocket socket =
        (SSLSocket) CA.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
    try (socket) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(host == null ? List.of() : List.of(new SNIHostName(host)));
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }
}
