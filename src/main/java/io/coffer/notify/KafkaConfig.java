package io.coffer.notify;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Kafka target: each event is a record on {@code topic} keyed by {@code bucket/key} (so one key's
 * events stay in one partition, in order), acknowledged by all in-sync replicas.
 *
 * @param brokers bootstrap servers, {@code host:port} each (given as an array or a comma-separated
 *     string)
 * @param username with {@code password}: SASL PLAIN credentials
 * @param tls connect over TLS
 */
record KafkaConfig(
    List<String> brokers,
    String topic,
    @Nullable String username,
    @Nullable String password,
    boolean tls) {

  static KafkaConfig parse(String json) {
    ConfigFields f = ConfigFields.parse(json);
    JsonNode node = f.node("brokers");
    List<String> brokers = new ArrayList<>();
    if (node == null) {
      throw new IllegalArgumentException("config.brokers is required");
    } else if (node.isString()) {
      for (String b : node.asString().split(",", -1)) {
        if (!b.isBlank()) {
          brokers.add(b.strip());
        }
      }
    } else if (node.isArray()) {
      for (JsonNode b : node) {
        if (!b.isString()) {
          throw new IllegalArgumentException("config.brokers must hold strings (host:port)");
        }
        brokers.add(b.asString().strip());
      }
    } else {
      throw new IllegalArgumentException("config.brokers must be a list of host:port");
    }
    if (brokers.isEmpty()) {
      throw new IllegalArgumentException("config.brokers must name at least one broker");
    }
    for (String b : brokers) {
      if (!b.matches("[A-Za-z0-9.\\-]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+\\]:\\d{1,5}")) {
        // the value is not repeated: a misplaced credential must not reach a log or a response
        throw new IllegalArgumentException("config.brokers must each be host:port");
      }
    }
    String topic = f.requiredString("topic");
    if (!topic.matches("[A-Za-z0-9._\\-]{1,249}")) {
      throw new IllegalArgumentException(
          "config.topic must be a Kafka topic name (letters, digits, '.', '_', '-')");
    }
    KafkaConfig config =
        new KafkaConfig(
            List.copyOf(brokers),
            topic,
            f.optionalString("username"),
            f.optionalString("password"),
            f.booleanOrDefault("tls", false));
    f.finish();
    if ((config.username == null) != (config.password == null)) {
      throw new IllegalArgumentException("config.username and config.password go together");
    }
    return config;
  }

  String toJson() {
    ObjectNode o = ConfigFields.newObject();
    ArrayNode list = o.putArray("brokers");
    brokers.forEach(list::add);
    o.put("topic", topic);
    ConfigFields.putIfPresent(o, "username", username);
    ConfigFields.putIfPresent(o, "password", password);
    o.put("tls", tls);
    return o.toString();
  }

  @Override
  public String toString() {
    return "KafkaConfig[brokers=" + brokers + ", topic=" + topic + "]";
  }
}
