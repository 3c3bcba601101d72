package io.coffer.it.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.coffer.it.support.Brokers;
import io.coffer.it.support.Brokers.Broker;
import io.coffer.model.TargetType;
import io.coffer.notify.EventMessage;
import io.coffer.notify.EventSender;
import io.coffer.notify.EventSenders;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AMQP sender against the machine's RabbitMQ, read back with the same client. */
class AmqpSenderIT {
  private static final String URL = "amqp://guest:guest@127.0.0.1:5672";
  private Connection rabbit;
  private Channel channel;
  private final String exchange = "coffer-test-" + TestMessages.unique();

  @BeforeEach
  void connect() throws Exception {
    Brokers.require(Broker.RABBITMQ);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(URL);
    rabbit = factory.newConnection("coffer-test");
    channel = rabbit.createChannel();
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (rabbit != null) {
      try (Channel ch = rabbit.createChannel()) {
        ch.exchangeDelete(exchange);
      }
      rabbit.close();
    }
  }

  private EventSender sender(String type, String routingKey) {
    return EventSenders.open(
        TestMessages.target(
            TargetType.AMQP,
            "{\"url\":\""
                + URL
                + "\",\"exchange\":\""
                + exchange
                + "\",\"exchange_type\":\""
                + type
                + "\",\"routing_key\":\""
                + routingKey
                + "\"}"));
  }

  @Test
  void eventsArrivePersistentInTheBoundQueueInOrderThroughADurableExchange() throws Exception {
    EventMessage first = TestMessages.message("a b/é.jpg", "01");
    EventMessage second = TestMessages.message("a b/é.jpg", "02");
    try (EventSender sender = sender("direct", "uploads")) {
      // nothing bound yet: the sender declared the exchange, and the unroutable event is refused
      // (to be retried), not confirmed and lost
      assertThatThrownBy(() -> sender.send(first))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("no queue is bound");
      String queue = channel.queueDeclare().getQueue();
      channel.queueBind(queue, exchange, "uploads");
      sender.send(first);
      sender.send(second);

      GetResponse r1 = channel.basicGet(queue, true);
      GetResponse r2 = channel.basicGet(queue, true);
      assertThat(r1.getBody()).isEqualTo(first.body());
      assertThat(r2.getBody()).isEqualTo(second.body());
      assertThat(r1.getProps().getDeliveryMode()).isEqualTo(2); // persistent
      assertThat(r1.getProps().getContentType()).isEqualTo("application/json");
      assertThat(r1.getEnvelope().getRoutingKey()).isEqualTo("uploads");
      assertThat(channel.basicGet(queue, true)).isNull();
    }
    // the exchange is durable: declaring it again as transient is refused as inequivalent
    Channel probe = rabbit.createChannel();
    assertThatThrownBy(() -> probe.exchangeDeclare(exchange, "direct", false))
        .isInstanceOf(IOException.class);
  }

  @Test
  void theExchangeTypeIsTheConfiguredOne() throws Exception {
    try (EventSender sender = sender("fanout", "")) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class);
      String queue = channel.queueDeclare().getQueue();
      channel.queueBind(queue, exchange, "any-key-at-all");
      sender.send(TestMessages.message("k", "02"));
      assertThat(channel.basicGet(queue, true)).isNotNull();
    }
    Channel probe = rabbit.createChannel();
    assertThatThrownBy(() -> probe.exchangeDeclare(exchange, "direct", true))
        .isInstanceOf(IOException.class);
  }

  @Test
  void wrongCredentialsAndAnUnreachableBrokerAreFailuresToRetry() throws IOException {
    int port = TestMessages.closedPort();
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.AMQP,
                "{\"url\":\"amqp://127.0.0.1:" + port + "\",\"exchange\":\"" + exchange + "\"}"))) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class);
    }
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.AMQP,
                "{\"url\":\"amqp://127.0.0.1:5672\",\"exchange\":\""
                    + exchange
                    + "\",\"username\":\"guest\",\"password\":\"wrong\"}"))) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class)
          .hasMessageNotContaining("wrong");
    }
  }
}
