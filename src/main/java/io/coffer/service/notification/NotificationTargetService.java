package io.coffer.service.notification;

import io.coffer.meta.MetadataStore;

/**
 * Notification targets (management API {@code /api/v1/notification-targets}): their validation
 * (through io.coffer.notify's per-type configuration), storage, and the delivery worker's restart
 * when one changes. Secrets are stored but never returned.
 */
public final class NotificationTargetService {
  private final MetadataStore store;
  private final EventDelivery delivery;

  public NotificationTargetService(MetadataStore store, EventDelivery delivery) {
    this.store = store;
    this.delivery = delivery;
  }
}
