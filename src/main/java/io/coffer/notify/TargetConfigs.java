package io.coffer.notify;

import io.coffer.model.TargetType;
import java.util.ArrayList;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each target type's configuration must hold (the management API's {@code config} object):
 * validation with defaults filled in, and the view without secrets.
 */
public final class TargetConfigs {
  private TargetConfigs() {}

  /**
   * Checks a configuration (a JSON object) for its type and returns it with defaults filled in.
   * Unknown fields are refused, so a misspelt option is an error rather than a setting ignored.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong (never its value)
   */
  public static String validate(TargetType type, String configJson) {
    return switch (type) {
      case WEBHOOK -> WebhookConfig.parse(configJson).toJson();
      case NATS -> NatsConfig.parse(configJson).toJson();
      case AMQP -> AmqpConfig.parse(configJson).toJson();
      case MQTT -> MqttConfig.parse(configJson).toJson();
      case REDIS -> RedisConfig.parse(configJson).toJson();
      case POSTGRESQL -> PostgresConfig.parse(configJson).toJson();
      case KAFKA -> KafkaConfig.parse(configJson).toJson();
    };
  }

  /**
   * The configuration without its secrets, as the management API returns it: secret fields removed,
   * a password in a URL (or a URL's token, or a {@code password=} parameter) replaced by {@code
   * ***}.
   */
  public static String redact(TargetType type, String configJson) {
    ObjectNode config = ConfigFields.parse(configJson).object();
    for (String secret : type.secretFields()) {
      config.remove(secret);
    }
    for (Map.Entry<String, JsonNode> field : new ArrayList<>(config.properties())) {
      JsonNode value = field.getValue();
      if (value.isString()) {
        config.put(field.getKey(), ConfigUrls.redact(value.asString()));
      } else if (value.isArray()) {
        ArrayNode redacted = config.putArray(field.getKey());
        for (JsonNode item : value) {
          if (item.isString()) {
            redacted.add(ConfigUrls.redact(item.asString()));
          } else {
            redacted.add(item);
          }
        }
      }
    }
    return config.toString();
  }
}
