package io.coffer.notify;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MQTT target: each event is published on {@code topic} with {@code qos} (default 1: delivered
 * once the broker's PUBACK came; 2 waits for PUBCOMP; 0 is the caller's explicit choice of
 * fire-and-forget).
 *
 * @param broker {@code tcp://host:1883} ({@code mqtt://} is the same), {@code ssl://} ({@code
 *     mqtts://}), {@code ws://} or {@code wss://}; user information in it is used as credentials
 */
record MqttConfig(
    URI broker, String topic, int qos, @Nullable String username, @Nullable String password) {

  static MqttConfig parse(String json) {
    ConfigFields f = ConfigFields.parse(json);
    URI broker =
        ConfigUrls.parse(
            "broker",
            f.requiredString("broker"),
            Set.of("tcp", "mqtt", "ssl", "mqtts", "ws", "wss"));
    String topic = f.requiredString("topic");
    if (topic.contains("+") || topic.contains("#") || topic.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("config.topic must not contain wildcards (+ or #)");
    }
    MqttConfig config =
        new MqttConfig(
            broker,
            topic,
            f.intOrDefault("qos", 1, 0, 2),
            f.optionalString("username"),
            f.optionalString("password"));
    f.finish();
    ConfigFields.requireUsernameWithPassword(config.username, config.password);
    return config;
  }

  String toJson() {
    ObjectNode o = ConfigFields.newObject();
    o.put("broker", broker.toString());
    o.put("topic", topic);
    o.put("qos", qos);
    ConfigFields.putIfPresent(o, "username", username);
    ConfigFields.putIfPresent(o, "password", password);
    return o.toString();
  }

  @Override
  public String toString() {
    return "MqttConfig[broker=" + ConfigUrls.redact(broker.toString()) + ", topic=" + topic + "]";
  }
}
