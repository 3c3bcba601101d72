package io.coffer.it.tls;

import static io.coffer.it.support.CofferProcess.FAST_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SdkClients;
import io.coffer.it.support.TestCertificates.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code coffer server} from the jar with COFFER_TLS_CERT and COFFER_TLS_KEY: the banner shows
 * https:// and the engine, BoringSSL loads without a native-access warning, and a key that does not
 * belong to the certificate stops the start with one line.
 */
class TlsProcessIT {
  static final TlsFixture TLS = new TlsFixture("EC", KeyFormat.TRADITIONAL);
  static final Map<String, String> ENV =
      Map.of(
          "COFFER_TLS_CERT",
          TLS.cert.toString(),
          "COFFER_TLS_KEY",
          TLS.key.toString(),
          "COFFER_ACCESS_KEY",
          CofferTestServer.ACCESS_KEY,
          "COFFER_SECRET_KEY",
          CofferTestServer.SECRET_KEY);

  @AfterAll
  static void deleteCertificates() throws Exception {
    TLS.delete();
  }

  @Test
  void theServerCommandServesHttpsFromTheEnvironment() throws Exception {
    Path data = Files.createTempDirectory("coffer-tls-process-");
    try (CofferProcess coffer = CofferProcess.server(data, FAST_START, ENV)) {
      assertThat(coffer.s3Uri().getScheme()).isEqualTo("https");
      assertThat(coffer.consoleUri().getScheme()).isEqualTo("https");
      coffer.awaitLine(
          java.util.regex.Pattern.compile("TLS: +1\\.2 and 1\\.3, openssl engine"),
          Duration.ofSeconds(10));
      try (S3Client s3 = SdkClients.admin(coffer.s3Uri(), TLS.ca.trustManagers())) {
        s3.createBucket(b -> b.bucket("from-the-cli"));
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("from-the-cli");
      }
      assertThat(coffer.stderr()).doesNotContain("restricted method", "WARNING");
    } finally {
      CofferTestServer.deleteRecursively(data);
    }
  }

  @Test
  void aKeyOfAnotherCertificateStopsTheStartInOneLine() throws Exception {
    Path data = Files.createTempDirectory("coffer-tls-process-");
    Path otherKey = TLS.dir.resolve("other-key.pem");
    TLS.ca
        .issue("EC", "127.0.0.1")
        .writeTo(TLS.dir.resolve("other.pem"), otherKey, KeyFormat.PKCS8);
    try (CofferProcess failed =
        CofferProcess.run(
            FAST_START,
            Map.of(),
            "server",
            "--data",
            data.toString(),
            "--address",
            "127.0.0.1:0",
            "--console-address",
            "127.0.0.1:0",
            "--tls-cert",
            TLS.cert.toString(),
            "--tls-key",
            otherKey.toString())) {
      assertThat(failed.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(failed.stderr().strip())
          .doesNotContain("\n", "Exception")
          .contains("Cannot serve TLS")
          .contains("does not belong to the certificate");
      assertThat(failed.stdout()).doesNotContain("Secret key", "API key");
    } finally {
      CofferTestServer.deleteRecursively(data);
    }
  }
}
