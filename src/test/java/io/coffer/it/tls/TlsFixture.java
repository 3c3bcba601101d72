package io.coffer.it.tls;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/** A certificate authority, a server certificate for 127.0.0.1 in PEM files, and TLS clients. */
final class TlsFixture {
  final TestCertificates ca = TestCertificates.newAuthority("Coffer test CA");
  final Path dir;
  final Path cert;
  final Path key;
  final TestCertificates.Issued issued;

  TlsFixture(String keyAlgorithm, TestCertificates.KeyFormat format) {
    try {
      dir = Files.createTempDirectory("coffer-tls-");
      cert = dir.resolve("fullchain.pem");
      key = dir.resolve("privkey.pem");
      issued = ca.issue(keyAlgorithm, "127.0.0.1", "localhost");
      issued.writeTo(cert, key, format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TlsSettings settings(TlsSettings.Engine engine) {
    return new TlsSettings(cert, key, null).withEngine(engine);
  }

  TlsSettings settings(TlsSettings.Engine engine, Duration reloadInterval) {
    return settings(engine).withReloadInterval(reloadInterval);
  }

  /** A handshaken TLS socket to 127.0.0.1:port, offering these protocols (null: the defaults). */
  SSLSocket connect(int port, String... protocols) throws IOException {
    SSLSocket socket =
        (SSLSocket) ca.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
    if (protocols.length > 0) {
      socket.setEnabledProtocols(protocols);
    }
    socket.setSoTimeout(20_000);
    socket.startHandshake();
    return socket;
  }

  void delete() throws Exception {
    CofferTestServer.deleteRecursively(dir);
  }
}
