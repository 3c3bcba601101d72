package io.coffer.http.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.TestCertificates;
import io.coffer.it.support.TestCertificates.KeyFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PEM forms certbot, cert-manager and openssl write, and what is refused with a reason. */
class PemFilesTest {
  static final TestCertificates CA = TestCertificates.newAuthority("PEM test CA");

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} key as {1}")
  @CsvSource({"RSA, PKCS8", "RSA, TRADITIONAL", "EC, PKCS8", "EC, TRADITIONAL"})
  void everyKeyFormReadsAsTheSameKey(String algorithm, KeyFormat format) throws Exception {
    TestCertificates.Issued issued = CA.issue(algorithm, "example.com");
    String pem = issued.keyPem(format);
    assertThat(pem)
        .startsWith(
            format == KeyFormat.PKCS8
                ? "-----BEGIN PRIVATE KEY-----"
                : "-----BEGIN " + algorithm + " PRIVATE KEY-----");
    PrivateKey key = PemFiles.privateKey(bytes(pem), "key.pem");
    assertThat(key.getAlgorithm()).isEqualTo(algorithm);
    assertSameKey(key, issued.key());
  }

  @Test
  void theChainKeepsItsOrderAndTheKeyMustMatchItsLeaf() throws Exception {
    TestCertificates.Issued issued = CA.issue("EC", "example.com");
    Path cert = temp.resolve("fullchain.pem");
    Path key = temp.resolve("privkey.pem");
    issued.writeTo(cert, key, KeyFormat.TRADITIONAL);
    CertifiedKey loaded = CertifiedKey.load(cert, key);
    assertThat(loaded.chain()).containsExactly(issued.certificate(), CA.authority());

    CA.issue("EC", "other.example.com").writeTo(temp.resolve("x.pem"), key, KeyFormat.PKCS8);
    assertThatThrownBy(() -> CertifiedKey.load(cert, key))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("does not belong to the certificate");
    CA.issue("RSA", "rsa.example.com").writeTo(temp.resolve("y.pem"), key, KeyFormat.PKCS8);
    assertThatThrownBy(() -> CertifiedKey.load(cert, key))
        .hasMessageContaining("does not belong to the certificate");
  }

  @Test
  void unusableFilesAreRefusedWithAReasonAndNoKeyMaterial() {
    assertThatThrownBy(() -> PemFiles.certificates(bytes("hello"), "cert.pem"))
        .isInstanceOf(TlsSetupException.class)
        .hasMessage("cert.pem holds no PEM certificate (BEGIN CERTIFICATE)");
    assertThatThrownBy(
            () ->
                PemFiles.certificates(
                    bytes("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
                    "cert.pem"))
        .hasMessageStartingWith("cert.pem holds a certificate that cannot be read");
    assertThatThrownBy(() -> PemFiles.privateKey(bytes("nothing"), "key.pem"))
        .hasMessageContaining("holds no PEM private key");
    assertThatThrownBy(
            () ->
                PemFiles.privateKey(
                    bytes(
                        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n"
                            + "-----END ENCRYPTED PRIVATE KEY-----\n"),
                    "key.pem"))
        .hasMessageContaining("encrypted private key");
    assertThatThrownBy(
            () ->
                PemFiles.privateKey(
                    bytes(
                        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                            + "DEK-Info: AES-128-CBC,00\n\nMIIB\n-----END RSA PRIVATE KEY-----\n"),
                    "key.pem"))
        .hasMessageContaining("encrypted private key");
    String broken = "-----BEGIN RSA PRIVATE KEY-----\nMIIBAgEAAk\n-----END RSA PRIVATE KEY-----\n";
    assertThatThrownBy(() -> PemFiles.privateKey(bytes(broken), "key.pem"))
        .hasMessageStartingWith("key.pem holds an RSA private key that cannot be read")
        .hasMessageNotContaining("MIIB");
  }

  @Test
  void aKeyFileWithEcParametersBeforeTheKeyAsOpensslEcparamWritesIt() throws Exception {
    TestCertificates.Issued issued = CA.issue("EC", "example.com");
    String pem =
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
            + issued.keyPem(KeyFormat.TRADITIONAL);
    assertSameKey(PemFiles.privateKey(bytes(pem), "key.pem"), issued.key());
  }

  @Test
  void keysWrittenByOpensslRead() throws Exception {
    // Where openssl is installed, its own output is the best witness of the forms it writes.
    Path openssl = Path.of("/usr/bin/openssl");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(openssl));
    Path ec = temp.resolve("ec.pem");
    Path rsa = temp.resolve("rsa.pem");
    run(openssl.toString(), "ecparam", "-name", "prime256v1", "-genkey", "-out", ec.toString());
    run(openssl.toString(), "genrsa", "-traditional", "-out", rsa.toString(), "2048");
    assertThat(PemFiles.privateKey(Files.readAllBytes(ec), "ec.pem").getAlgorithm())
        .isEqualTo("EC");
    assertThat(Files.readString(rsa)).contains("BEGIN RSA PRIVATE KEY");
    assertThat(PemFiles.privateKey(Files.readAllBytes(rsa), "rsa.pem").getAlgorithm())
        .isEqualTo("RSA");
  }

  /** The same secret (an EC key's encoding may or may not repeat its curve inside). */
  private static void assertSameKey(PrivateKey actual, PrivateKey expected) {
    if (expected instanceof ECPrivateKey ec) {
      assertThat(((ECPrivateKey) actual).getS()).isEqualTo(ec.getS());
    } else {
      assertThat(actual.getEncoded()).isEqualTo(expected.getEncoded());
    }
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).isZero();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
