package io.coffer.model;

import java.time.Instant;

/**
 * A place events are delivered to (management API {@code /api/v1/notification-targets}).
 *
 * @param id the target's ID, chosen by whoever creates it (letters, digits, '-', '_')
 * @param config its configuration as a JSON object, secrets included (see {@link
 *     TargetType#secretFields()}); the metadata database is owner-only, and only the delivery side
 *     reads the secrets
 */
public record NotificationTarget(String id, TargetType type, String config, Instant createdAt) {

  /** The target's ARN as bucket configurations name it: {@code arn:coffer:sqs::<id>:<type>}. */
  public String arn() {
    return arn(id, type);
  }

  public static String arn(String id, TargetType type) {
    return "arn:coffer:sqs::" + id + ":" + type.wireName();
  }

  /** This target with another configuration. */
  public NotificationTarget withConfig(String newConfig) {
    return new NotificationTarget(id, type, newConfig, createdAt);
  }
}
