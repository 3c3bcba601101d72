package io.coffer.notify;

import io.coffer.model.NotificationTarget;

/** Makes the sender for a target, by its type. */
public final class EventSenders {
  private EventSenders() {}

  /**
   * A sender for the target (connecting lazily, on the first send).
   *
   * @throws IllegalArgumentException when the stored configuration is not valid for its type
   */
  public static EventSender open(NotificationTarget target) {
    String config = target.config();
    return switch (target.type()) {
      case WEBHOOK -> new WebhookSender(WebhookConfig.parse(config));
      case NATS -> new NatsSender(NatsConfig.parse(config));
      case AMQP -> new AmqpSender(AmqpConfig.parse(config), target.id());
      case MQTT -> new MqttSender(MqttConfig.parse(config));
      case REDIS -> new RedisSender(RedisConfig.parse(config));
      case POSTGRESQL -> new PostgresSender(PostgresConfig.parse(config));
      case KAFKA -> new KafkaSender(KafkaConfig.parse(config), target.id());
    };
  }
}
