package io.coffer.it.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawSocket;
import io.coffer.it.support.TestCertificates.KeyFormat;
import io.coffer.server.CofferServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --max-connections counts TLS connections as it counts plain ones (ConnectionLimitIT). */
class TlsConnectionLimitIT {
  static final TlsFixture TLS = new TlsFixture("RSA", KeyFormat.PKCS8);

  @RegisterExtension
  static final CofferTestServer COFFER =
      new CofferTestServer()
          .configured(
              c ->
                  c.withTls(TLS.settings(TlsSettings.Engine.AUTO))
                      .withLimits(ServerConfig.FIVE_GIB, 64 * 1024, Duration.ofSeconds(60), 2))
          .trusting(TLS.ca.trustManagers());

  @AfterAll
  static void deleteCertificates() throws Exception {
    TLS.delete();
  }

  RawSocket connect() throws IOException {
    return new RawSocket(TLS.connect(COFFER.server().s3Port()), Duration.ofSeconds(5));
  }

  static int health(RawSocket socket) throws IOException {
    socket.write("GET /coffer/health/live HTTP/1.1\r\nHost: x\r\n\r\n");
    return socket.readResponse().status();
  }

  @Test
  void closedTlsConnectionsFreeTheirPlace() throws Exception {
    for (int i = 0; i < 6; i++) {
      try (RawSocket socket = connect()) {
        assertThat(health(socket)).isEqualTo(200);
      }
    }
    awaitOpen(0);
  }

  @Test
  void atTheLimitTheLongestIdleTlsConnectionMakesRoom() throws Exception {
    try (RawSocket first = connect();
        RawSocket second = connect()) {
      assertThat(health(first)).isEqualTo(200);
      Thread.sleep(50);
      assertThat(health(second)).isEqualTo(200);
      awaitOpen(2);
      try (RawSocket third = connect()) {
        assertThat(health(third)).isEqualTo(200);
        assertThat(first.closedByServer()).isTrue();
        assertThat(health(second)).isEqualTo(200);
      }
    }
  }

  static void awaitOpen(int expected) throws InterruptedException {
    CofferServer server = COFFER.server();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.s3OpenConnections() != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.s3OpenConnections()).isEqualTo(expected);
  }
}
