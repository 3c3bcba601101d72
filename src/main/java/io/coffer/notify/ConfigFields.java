package io.coffer.notify;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one target configuration (a JSON object) field by field, strictly: a field of the wrong
 * type is refused rather than coerced, and {@link #finish} refuses any field no reader asked for,
 * so a typo ({@code "jetstrem": true}) is an error and never a setting silently ignored.
 */
final class ConfigFields {
  static final JsonMapper JSON = JsonMapper.shared();

  private final ObjectNode object;
  private final Set<String> read = new HashSet<>();

  private ConfigFields(ObjectNode object) {
    this.object = object;
  }

  /**
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  static ConfigFields parse(String configJson) {
    JsonNode node;
    try {
      node = JSON.readTree(configJson);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("config is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("config must be a JSON object");
    }
    return new ConfigFields((ObjectNode) node);
  }

  /** A string field that must be present and not blank. */
  String requiredString(String name) {
    String value = optionalString(name);
    if (value == null) {
      throw new IllegalArgumentException("config." + name + " is required");
    }
    return value;
  }

  /** A string field that may be absent (null); present, it must be a non-blank string. */
  @Nullable String optionalString(String name) {
    read.add(name);
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new IllegalArgumentException("config." + name + " must be a string");
    }
    String value = node.asString();
    if (value.isBlank()) {
      throw new IllegalArgumentException("config." + name + " must not be empty");
    }
    return value;
  }

  /** A string field with a default; present, it may be empty (an AMQP routing key may be). */
  String stringOrDefault(String name, String defaultValue) {
    read.add(name);
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return defaultValue;
    }
    if (!node.isString()) {
      throw new IllegalArgumentException("config." + name + " must be a string");
    }
    return node.asString();
  }

  /** One of a closed set of strings, with a default. */
  String oneOf(String name, String defaultValue, Set<String> allowed) {
    String value = optionalString(name);
    if (value == null) {
      return defaultValue;
    }
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(
          "config."
              + name
              + " must be one of "
              + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  boolean booleanOrDefault(String name, boolean defaultValue) {
    read.add(name);
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return defaultValue;
    }
    if (!node.isBoolean()) {
      throw new IllegalArgumentException("config." + name + " must be true or false");
    }
    return node.asBoolean();
  }

  int intOrDefault(String name, int defaultValue, int min, int max) {
    read.add(name);
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return defaultValue;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new IllegalArgumentException("config." + name + " must be an integer");
    }
    int value = node.asInt();
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "config." + name + " must be between " + min + " and " + max);
    }
    return value;
  }

  /** The raw node of a field (for fields a type reads itself), or null when absent. */
  @Nullable JsonNode node(String name) {
    read.add(name);
    JsonNode node = object.get(name);
    return node == null || node.isNull() ? null : node;
  }

  /**
   * Refuses fields nobody read.
   *
   * @throws IllegalArgumentException naming the first unknown field
   */
  void finish() {
    for (String name : object.propertyNames()) {
      if (!read.contains(name)) {
        throw new IllegalArgumentException("config." + name + " is not a known field");
      }
    }
  }

  /** The object as parsed (for callers that transform it rather than validate it). */
  ObjectNode object() {
    return object;
  }

  /** A new, empty JSON object to write a normalised configuration into. */
  static ObjectNode newObject() {
    return JSON.createObjectNode();
  }

  /** Puts a field into a normalised configuration when it has a value. */
  static void putIfPresent(ObjectNode o, String name, @Nullable String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  /** A password field means nothing without the user it belongs to. */
  static void requireUsernameWithPassword(@Nullable String username, @Nullable String password) {
    if (password != null && username == null) {
      throw new IllegalArgumentException("config.password needs config.username");
    }
  }
}
