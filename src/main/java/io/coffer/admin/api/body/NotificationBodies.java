package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Bodies of /api/v1/notification-targets and /api/v1/buckets/{bucket}/notification. A target's
 * {@code config} is free-form per type (see docs/notifications.md); answers never hold its secrets.
 */
public final class NotificationBodies {
  private NotificationBodies() {}

  /** POST /notification-targets. */
  public record CreateTarget(
      @JsonProperty("id") @Nullable String id,
      @JsonProperty("type") @Nullable String type,
      @JsonProperty("config") @Nullable JsonNode config) {}

  /** PUT /notification-targets/{id}: the whole new configuration; {@code type} may be repeated. */
  public record UpdateTarget(
      @JsonProperty("type") @Nullable String type,
      @JsonProperty("config") @Nullable JsonNode config) {}

  /** How delivery to the target is going (since the server started, except {@code dropped}). */
  public record Status(
      @JsonProperty("state") String state,
      @JsonProperty("last_error") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String lastError,
      @JsonProperty("last_error_at") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String lastErrorAt,
      @JsonProperty("queued") long queued,
      @JsonProperty("delivered") long delivered,
      @JsonProperty("failed_attempts") long failedAttempts,
      @JsonProperty("dropped") long dropped,
      @JsonProperty("oldest_queued_at") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String oldestQueuedAt) {}

  /** A target as shown: its configuration without secrets. */
  public record Target(
      @JsonProperty("id") String id,
      @JsonProperty("type") String type,
      @JsonProperty("arn") String arn,
      @JsonProperty("config") JsonNode config,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("status") Status status,
      @JsonProperty("buckets") List<String> buckets) {}

  public record TargetList(@JsonProperty("targets") List<Target> targets) {}

  /**
   * One rule of a bucket's configuration, as S3's QueueConfiguration: these events on keys with
   * this prefix and suffix go to the target with this ARN.
   */
  public record Rule(
      @JsonProperty("id") @Nullable String id,
      @JsonProperty("kind") @Nullable String kind,
      @JsonProperty("target_arn") @Nullable String targetArn,
      @JsonProperty("events") @Nullable List<String> events,
      @JsonProperty("prefix") @Nullable String prefix,
      @JsonProperty("suffix") @Nullable String suffix) {}

  /** A bucket's rules; {@code rules} is empty when it has none (a PUT of none removes them). */
  public record Notification(@JsonProperty("rules") @Nullable List<Rule> rules) {}
}
