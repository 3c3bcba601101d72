package io.coffer.notify;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Publishes to NATS with jnats. Core NATS: publish, then flush, which returns once the server
 * answered a PING sent after the message, so the server has it. JetStream: publish and wait for the
 * stream's acknowledgement (stored), with {@code Nats-Msg-Id} so that a retried event is stored
 * once.
 *
 * <p>The client's own reconnection is off: it would buffer messages while disconnected and let a
 * publish look successful. A failure closes the connection; the next send makes a new one.
 */
final class NatsSender implements EventSender {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final NatsConfig config;
  private volatile @Nullable Connection connection;

  NatsSender(NatsConfig config) {
    this.config = config;
  }

  @Override
  public void send(EventMessage message) throws IOException {
    try {
      Connection c = connection();
      Headers headers = new Headers().add("Coffer-Event-Name", message.eventName());
      if (config.jetstream()) {
        PublishOptions options =
            PublishOptions.builder().messageId(Failures.messageId(message)).build();
        PublishAck ack = c.jetStream().publish(config.subject(), headers, message.body(), options);
        if (ack.hasError()) {
          throw new IOException("nats: JetStream refused the message: " + ack.getError());
        }
      } else {
        c.publish(config.subject(), headers, message.body());
        c.flush(TIMEOUT);
      }
    } catch (IOException
        | InterruptedException
        | TimeoutException
        | JetStreamApiException
        | RuntimeException e) {
      close();
      throw Failures.retryable("nats", e);
    }
  }

  private Connection connection() throws IOException, InterruptedException {
    Connection c = connection;
    if (c != null && c.getStatus() == Connection.Status.CONNECTED) {
      return c;
    }
    close();
    Options.Builder options =
        Options.builder()
            .servers(config.servers().toArray(String[]::new))
            .connectionName("coffer")
            .connectionTimeout(TIMEOUT)
            .noReconnect()
            .errorListener(new QuietNatsErrors());
    if (config.username() != null && config.password() != null) {
      options.userInfo(config.username(), config.password());
    }
    if (config.token() != null) {
      options.token(config.token().toCharArray());
    }
    c = Nats.connect(options.build());
    connection = c;
    return c;
  }

  @Override
  public void close() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // closing a broken connection may fail; it is gone either way
      }
    }
  }
}
