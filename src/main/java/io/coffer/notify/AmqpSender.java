package io.coffer.notify;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Publishes to RabbitMQ (AMQP 0-9-1) with the official client: the exchange is declared durable
 * (when missing) with the configured type, messages are persistent and mandatory, and a send
 * returns once the broker confirmed the message (publisher confirms: it is in every queue it was
 * routed to, on disk for durable queues).
 *
 * <p>Mandatory, because an event no queue took would be confirmed and lost: such a message comes
 * back (basic.return, always before its confirm) and the send fails, to be retried once a queue is
 * bound.
 */
final class AmqpSender implements EventSender {
  private static final int TIMEOUT_MS = 10_000;

  private final AmqpConfig config;
  private final String connectionName;
  private final AtomicBoolean returned = new AtomicBoolean();
  private volatile @Nullable Connection connection;
  private volatile @Nullable Channel channel;

  AmqpSender(AmqpConfig config, String targetId) {
    this.config = config;
    this.connectionName = "coffer-" + targetId;
  }

  @Override
  public void send(EventMessage message) throws IOException {
    try {
      Channel ch = channel();
      returned.set(false);
      AMQP.BasicProperties properties =
          MessageProperties.PERSISTENT_BASIC
              .builder()
              .contentType("application/json")
              .messageId(Failures.messageId(message))
              .headers(Map.of("coffer-event-name", message.eventName()))
              .build();
      ch.basicPublish(config.exchange(), config.routingKey(), true, properties, message.body());
      ch.waitForConfirmsOrDie(TIMEOUT_MS);
      if (returned.get()) {
        throw new IOException(
            "amqp: no queue is bound to exchange '"
                + config.exchange()
                + "' for routing key '"
                + config.routingKey()
                + "'");
      }
    } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
      close();
      throw Failures.retryable("amqp", e);
    }
  }

  private Channel channel() throws IOException, TimeoutException {
    Channel ch = channel;
    if (ch != null && ch.isOpen()) {
      return ch;
    }
    close();
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(config.url());
      if ("amqps".equalsIgnoreCase(config.url().getScheme())) {
        // setUri trusts every certificate for amqps: verify against the JDK's trust store instead
        factory.useSslProtocol(javax.net.ssl.SSLContext.getDefault());
        factory.enableHostnameVerification();
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("amqp: the URL is not usable", e);
    }
    if (config.username() != null) {
      factory.setUsername(config.username());
    }
    if (config.password() != null) {
      factory.setPassword(config.password());
    }
    factory.setConnectionTimeout(TIMEOUT_MS);
    factory.setHandshakeTimeout(TIMEOUT_MS);
    // a failed connection is replaced on the next send, not recovered behind our back
    factory.setAutomaticRecoveryEnabled(false);
    factory.setTopologyRecoveryEnabled(false);
    Connection c = factory.newConnection(connectionName);
    connection = c;
    ch = c.createChannel();
    ch.confirmSelect();
    ch.exchangeDeclare(config.exchange(), config.exchangeType(), true);
    ch.addReturnListener(r -> returned.set(true));
    channel = ch;
    return ch;
  }

  @Override
  public void close() {
    Connection c = connection;
    connection = null;
    channel = null;
    if (c != null) {
      try {
        c.close(TIMEOUT_MS);
      } catch (IOException | RuntimeException e) {
        c.abort();
      }
    }
  }
}
