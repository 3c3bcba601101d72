package io.coffer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.coffer.model.NotificationTarget;
import io.coffer.model.TargetType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sender that cannot reach its target fails with an IOException (retried by the worker) whose
 * message and stack trace, as a log would print them, never hold the password of its URL.
 */
class SenderFailuresTest {

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NATS | {\"url\":\"nats://coffer:S3CRETPW@127.0.0.1:PORT\",\"subject\":\"s\"}",
        "NATS | {\"url\":\"nats://S3CRETPW@127.0.0.1:PORT\",\"subject\":\"s\"}",
        "AMQP | {\"url\":\"amqp://coffer:S3CRETPW@127.0.0.1:PORT\",\"exchange\":\"e\"}",
        "MQTT | {\"broker\":\"tcp://coffer:S3CRETPW@127.0.0.1:PORT\",\"topic\":\"t\"}",
        "REDIS | {\"url\":\"redis://:S3CRETPW@127.0.0.1:PORT\",\"key\":\"k\"}",
        "POSTGRESQL | {\"url\":\"postgresql://coffer:S3CRETPW@127.0.0.1:PORT/db\",\"table\":\"t\"}",
        "POSTGRESQL |"
            + " {\"url\":\"jdbc:postgresql://127.0.0.1:PORT/db?user=u&password=S3CRETPW\",\"table\":\"t\"}",
        "WEBHOOK | {\"endpoint\":\"http://127.0.0.1:PORT/x\",\"auth_token\":\"S3CRETPW\"}"
      })
  void anUnreachableTargetFailsWithoutShowingItsPassword(TargetType type, String config)
      throws IOException {
    String json = config.replace("PORT", String.valueOf(closedPort()));
    NotificationTarget target = new NotificationTarget("t1", type, json, Instant.now());
    EventMessage message =
        new EventMessage("{}".getBytes(StandardCharsets.UTF_8), "ObjectCreated:Put", "b", "k", "1");
    Throwable failure;
    try (EventSender sender = EventSenders.open(target)) {
      failure = catchThrowable(() -> sender.send(message));
    }
    assertThat(failure).isInstanceOf(IOException.class);
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain("S3CRETPW");
    assertThat(failure.getMessage()).startsWith(type.wireName());
  }
}
