package io.coffer.service.notification;

import io.coffer.meta.MetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.NotificationTarget;
import io.coffer.model.TargetType;
import io.coffer.notify.TargetConfigs;
import io.coffer.service.Caller;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notification targets (management API {@code /api/v1/notification-targets}): their validation
 * (through io.coffer.notify's per-type configuration), storage, and the delivery worker's restart
 * when one changes. Secrets are stored but never returned: every answer is a {@link
 * NotificationTargetView} with the configuration redacted, and log lines name a target by ID and
 * type only.
 */
public final class NotificationTargetService {
  private static final Logger log = LoggerFactory.getLogger(NotificationTargetService.class);

  /** IDs go into ARNs ({@code arn:coffer:sqs::<id>:<type>}), so no ':' and nothing to escape. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final MetadataStore store;
  private final EventDelivery delivery;
  private final Clock clock;

  public NotificationTargetService(MetadataStore store, EventDelivery delivery, Clock clock) {
    this.store = store;
    this.delivery = delivery;
    this.clock = clock;
  }

  /** Every target, by ID. */
  public List<NotificationTargetView> list(Caller caller) {
    requireAdmin(caller);
    return store.listNotificationTargets().stream().map(this::view).toList();
  }

  /** NO_SUCH_NOTIFICATION_TARGET when absent. */
  public NotificationTargetView get(Caller caller, String id) {
    requireAdmin(caller);
    return view(require(id));
  }

  /**
   * Creates a target. INVALID_ARGUMENT for a bad ID, an unknown type or a configuration its type
   * refuses (the message names the field); NOTIFICATION_TARGET_EXISTS when the ID is taken.
   */
  public NotificationTargetView create(Caller caller, String id, String type, String configJson) {
    requireAdmin(caller);
    requireValidId(id);
    TargetType targetType = type(type);
    String config = validate(targetType, configJson);
    NotificationTarget target = new NotificationTarget(id, targetType, config, clock.instant());
    store.createNotificationTarget(target);
    log.info("notification target {} ({}) created", id, targetType.wireName());
    delivery.targetChanged(id);
    return view(target);
  }

  /**
   * Replaces a target's whole configuration (its type stays: the ARN names it). Secrets are never
   * returned, so a new configuration must carry them again.
   */
  public NotificationTargetView update(Caller caller, String id, String configJson) {
    requireAdmin(caller);
    NotificationTarget current = require(id);
    String config = validate(current.type(), configJson);
    NotificationTarget updated = store.updateNotificationTarget(id, config);
    log.info("notification target {} ({}) reconfigured", id, current.type().wireName());
    delivery.targetChanged(id);
    return view(updated);
  }

  /**
   * Deletes a target and its queued events. NOTIFICATION_TARGET_IN_USE (naming the buckets) while a
   * bucket's rule names it.
   */
  public void delete(Caller caller, String id) {
    requireAdmin(caller);
    List<String> buckets = store.bucketsNotifying(id);
    if (!buckets.isEmpty()) {
      throw new CofferException(
          ErrorCode.NOTIFICATION_TARGET_IN_USE,
          "The notification target "
              + id
              + " is still named by the notification configuration of "
              + (buckets.size() == 1 ? "bucket " : "buckets ")
              + String.join(", ", buckets)
              + ".");
    }
    store.deleteNotificationTarget(id);
    log.info("notification target {} deleted", id);
    delivery.targetChanged(id);
  }

  private NotificationTarget require(String id) {
    return store
        .findNotificationTarget(id)
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.NO_SUCH_NOTIFICATION_TARGET,
                    "There is no notification target " + id + "."));
  }

  private NotificationTargetView view(NotificationTarget target) {
    return new NotificationTargetView(
        target.id(),
        target.type(),
        target.arn(),
        TargetConfigs.redact(target.type(), target.config()),
        target.createdAt(),
        delivery.status(target.id()),
        store.bucketsNotifying(target.id()));
  }

  private static void requireAdmin(Caller caller) {
    // Targets are the server's, not a bucket owner's: their secrets reach other systems.
    if (!(caller instanceof Caller.Admin)) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
  }

  private static void requireValidId(String id) {
    if (!ID.matcher(id).matches()) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "A target ID is 1 to 64 letters, digits, '-' or '_'; \"" + id + "\" is not.");
    }
  }

  private static TargetType type(String type) {
    return TargetType.fromWireName(type)
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Unknown target type \""
                        + type
                        + "\"; the types are "
                        + Arrays.stream(TargetType.values())
                            .map(TargetType::wireName)
                            .collect(Collectors.joining(", "))
                        + "."));
  }

  /** The configuration with its type's defaults; a refusal is a 400 naming the field at fault. */
  private static String validate(TargetType type, String configJson) {
    try {
      return TargetConfigs.validate(type, configJson);
    } catch (IllegalArgumentException e) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "The " + type.wireName() + " configuration is not valid: " + e.getMessage());
    }
  }
}
