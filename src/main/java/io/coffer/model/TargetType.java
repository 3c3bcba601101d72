package io.coffer.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of places events are delivered to, with the names the management API and ARNs use
 * ({@code arn:coffer:sqs::<id>:<type>}) and the fields of their configuration that are secrets
 * (stored, never returned nor logged).
 */
public enum TargetType {
  WEBHOOK(Set.of("auth_token", "hmac_secret")),
  NATS(Set.of("password", "token")),
  AMQP(Set.of("password")),
  MQTT(Set.of("password")),
  REDIS(Set.of("password")),
  POSTGRESQL(Set.of("password")),
  KAFKA(Set.of("password"));

  private final Set<String> secretFields;

  TargetType(Set<String> secretFields) {
    this.secretFields = secretFields;
  }

  /** {@code webhook}, {@code nats}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Configuration fields that hold secrets. A password inside a URL field (its user information) is
   * a secret too.
   */
  public Set<String> secretFields() {
    return secretFields;
  }

  public static Optional<TargetType> fromWireName(String name) {
    for (TargetType t : values()) {
      if (t.wireName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
