package io.coffer.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PrometheusText;
import io.coffer.it.support.RawSocket;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --max-connections limits connections open at once, not connections ever made. */
class ConnectionLimitIT {
  @RegisterExtension
  static final CofferTestServer coffer =
      new CofferTestServer()
          .configured(
              c -> c.withLimits(ServerConfig.FIVE_GIB, 64 * 1024, Duration.ofSeconds(60), 2));

  static int health(RawSocket socket) throws IOException {
    socket.write("GET /coffer/health/live HTTP/1.1\r\nHost: x\r\n\r\n");
    return socket.readResponse().status();
  }

  @Test
  void closedConnectionsFreeTheirPlace() throws Exception {
    // Regression: closed connections were never subtracted, so after max-connections connections
    // in the server's lifetime every new one was refused.
    for (int i = 0; i < 6; i++) {
      try (RawSocket socket = new RawSocket(coffer.server().s3Port())) {
        assertThat(health(socket)).as("connection %d", i).isEqualTo(200);
      }
      awaitOpenConnections(0);
    }
  }

  @Test
  void atTheLimitTheLongestIdleConnectionMakesRoom() throws Exception {
    // A connection becomes idle when its response has been written, which the client may see
    // before the server notes it: the test waits for the server to count each connection idle
    // before the next one starts, so that the first is certainly the longest idle.
    awaitOpenConnections(0); // a connection of an earlier test may still be closing
    try (RawSocket first = new RawSocket(coffer.server().s3Port())) {
      assertThat(health(first)).isEqualTo(200);
      awaitIdleConnections(1);
      try (RawSocket second = new RawSocket(coffer.server().s3Port())) {
        assertThat(health(second)).isEqualTo(200);
        awaitIdleConnections(2);
        try (RawSocket third = new RawSocket(coffer.server().s3Port())) {
          assertThat(health(third)).isEqualTo(200);
          assertThat(first.closedByServer()).as("the longest idle connection was closed").isTrue();
          assertThat(health(second)).isEqualTo(200);
        }
      }
    }
    awaitOpenConnections(0);
  }

  @Test
  void connectionsInTheMiddleOfARequestAreNeverEvicted() throws Exception {
    // A request whose body has not fully arrived keeps its connection busy, even once answered
    // (here 404 NoSuchBucket: an unsigned request to a bucket that does not exist).
    String unfinished = "PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345";
    try (RawSocket first = new RawSocket(coffer.server().s3Port());
        RawSocket second = new RawSocket(coffer.server().s3Port())) {
      assertThat(first.write(unfinished).readResponse().status()).isEqualTo(404);
      assertThat(second.write(unfinished).readResponse().status()).isEqualTo(404);
      try (RawSocket third = new RawSocket(coffer.server().s3Port())) {
        assertThat(third.closedByServer()).as("no room: the new connection is refused").isTrue();
      }
    }
    awaitOpenConnections(0);
    try (RawSocket again = new RawSocket(coffer.server().s3Port())) {
      assertThat(health(again)).isEqualTo(200);
    }
  }

  /** The server learns of a closed connection asynchronously: poll for it. */
  static void awaitOpenConnections(int expected) throws InterruptedException {
    awaitGauge("coffer_s3_connections_open", expected);
  }

  /** ... and of a response fully written (the connection idle again) too. */
  static void awaitIdleConnections(int expected) throws InterruptedException {
    awaitGauge("coffer_s3_connections_idle", expected);
  }

  static void awaitGauge(String name, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (gauge(name) != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(gauge(name)).as(name).isEqualTo(expected);
  }

  static int gauge(String name) {
    try {
      return (int) PrometheusText.scrape(coffer.server().consoleEndpoint()).value(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
