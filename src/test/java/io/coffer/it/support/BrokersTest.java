package io.coffer.it.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class BrokersTest {

  /** A port nothing listens on: bound, then closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aMissingBrokerFailsTheTestWhenBrokersAreRequired() throws IOException {
    int port = closedPort();
    assertThatThrownBy(() -> Brokers.check("NATS", "127.0.0.1", port, "nats-server", "true"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("nats is not reachable at 127.0.0.1:" + port)
        .hasMessageContaining("COFFER_REQUIRE_BROKERS=true");
  }

  @Test
  void aMissingBrokerSkipsTheTestLoudlyOtherwise() throws IOException {
    int port = closedPort();
    for (String env : new String[] {null, "", "false"}) {
      assertThatThrownBy(() -> Brokers.check("REDIS", "127.0.0.1", port, "redis-server", env))
          .isInstanceOf(TestAbortedException.class)
          .hasMessageContaining("NOT TESTED: redis is not reachable");
    }
  }

  @Test
  void aBrokerThatAnswersLetsTheTestRun() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatCode(() -> Brokers.check("X", "127.0.0.1", s.getLocalPort(), "x", "true"))
          .doesNotThrowAnyException();
    }
  }
}
