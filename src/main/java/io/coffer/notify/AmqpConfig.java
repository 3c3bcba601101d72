package io.coffer.notify;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An AMQP 0-9-1 (RabbitMQ) target: events are published, persistent, to a durable exchange
 * (declared when missing) with a routing key, and count as delivered once the broker confirmed
 * them.
 *
 * @param url {@code amqp://user:pass@host:5672/vhost} or {@code amqps://…}
 * @param exchangeType {@code direct} (default), {@code fanout}, {@code topic} or {@code headers}
 * @param routingKey may be empty (fanout)
 */
record AmqpConfig(
    URI url,
    String exchange,
    String exchangeType,
    String routingKey,
    @Nullable String username,
    @Nullable String password) {

  static AmqpConfig parse(String json) {
    ConfigFields f = ConfigFields.parse(json);
    URI url = ConfigUrls.parse("url", f.requiredString("url"), Set.of("amqp", "amqps"));
    if ("/".equals(url.getRawPath())) {
      // by the AMQP URI spec a lone "/" names the virtual host "", which RabbitMQ never has
      throw new IllegalArgumentException(
          "config.url names the empty virtual host: write amqp://host for the default one, or"
              + " amqp://host/%2F");
    }
    AmqpConfig config =
        new AmqpConfig(
            url,
            f.requiredString("exchange"),
            f.oneOf("exchange_type", "direct", Set.of("direct", "fanout", "topic", "headers")),
            f.stringOrDefault("routing_key", ""),
            f.optionalString("username"),
            f.optionalString("password"));
    f.finish();
    ConfigFields.requireUsernameWithPassword(config.username, config.password);
    return config;
  }

  String toJson() {
    ObjectNode o = ConfigFields.newObject();
    o.put("url", url.toString());
    o.put("exchange", exchange);
    o.put("exchange_type", exchangeType);
    o.put("routing_key", routingKey);
    ConfigFields.putIfPresent(o, "username", username);
    ConfigFields.putIfPresent(o, "password", password);
    return o.toString();
  }

  @Override
  public String toString() {
    return "AmqpConfig[url=" + ConfigUrls.redact(url.toString()) + ", exchange=" + exchange + "]";
  }
}
