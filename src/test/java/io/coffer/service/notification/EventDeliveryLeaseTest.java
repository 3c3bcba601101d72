package io.coffer.service.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.NotificationTarget;
import io.coffer.model.TargetType;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery runs only on the node holding its lease: start when gained, pause when lost, and a
 * paused node's own target changes start no worker (the delivering node follows them; see
 * CrossNodeEventsIT).
 */
class EventDeliveryLeaseTest {
  @TempDir Path dir;

  private static NotificationTarget target(String id, String endpoint) {
    return new NotificationTarget(
        id, TargetType.WEBHOOK, "{\"endpoint\":\"" + endpoint + "\"}", Instant.now());
  }

  @Test
  void aPausedNodeRunsNoWorkerAndStartsAllAgainWithTheLease() {
    try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("m.db"), false);
        EventDelivery delivery = new EventDelivery(store)) {
      store.createNotificationTarget(target("a", "http://127.0.0.1:9/a"));
      delivery.start();
      assertThat(delivery.targetIds()).containsExactly("a");

      delivery.pause(); // the lease went to another node
      assertThat(delivery.targetIds()).isEmpty();
      store.createNotificationTarget(target("b", "http://127.0.0.1:9/b"));
      delivery.targetChanged("b"); // this node's management API: not the delivering node now
      assertThat(delivery.targetIds()).isEmpty();

      delivery.start(); // the lease came back
      assertThat(delivery.targetIds()).containsExactlyInAnyOrder("a", "b");
    }
  }
}
