package io.coffer.service.notification;

import io.coffer.model.TargetType;
import java.time.Instant;
import java.util.List;

/**
 * A notification target as the management API and the console show it: never its secrets.
 *
 * @param config the configuration without secret fields, a password in a URL shown as {@code ***}
 * @param buckets the buckets whose rules name it (while any does, it cannot be deleted)
 */
public record NotificationTargetView(
    String id,
    TargetType type,
    String arn,
    String config,
    Instant createdAt,
    TargetStatus status,
    List<String> buckets) {
  public NotificationTargetView {
    buckets = List.copyOf(buckets);
  }
}
