package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationTarget;
import io.coffer.model.ObjectEvent;
import io.coffer.model.OutboxEvent;
import io.coffer.model.TargetType;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 9: a version 8 database keeps everything, its buckets have no notification
 * configuration, and events work from the first write after the upgrade.
 */
class NotificationMigrationTest {
  @TempDir Path dir;

  @Test
  void aVersionEightDatabaseGainsNotifications() throws Exception {
    Path db = dir.resolve("meta.db");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      long owner = store.createCredential("AK", "SK", "u", T0).id();
      store.createBucket("b", owner, "r", T0, false);
      Fixtures.put(store, Fixtures.object("b", "old", "s1", 10, "e1"), WritePrecondition.NONE);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      SchemaDowngrade.toVersion8(s);
      assertThat(Fixtures.single(s, "PRAGMA user_version")).isEqualTo(8);
    }
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      Bucket b = store.findBucket("b").orElseThrow();
      assertThat(b.objectCount()).isEqualTo(1);
      assertThat(b.features().notification()).isNull();
      assertThat(store.findObject("b", "old")).isPresent();
      assertThat(store.listNotificationTargets()).isEmpty();

      store.createNotificationTarget(
          new NotificationTarget("t", TargetType.WEBHOOK, "{\"endpoint\":\"http://h/\"}", T0));
      NotificationConfiguration config =
          new NotificationConfiguration(
              List.of(
                  new NotificationRule(
                      "r",
                      NotificationRule.Kind.QUEUE,
                      NotificationTarget.arn("t", TargetType.WEBHOOK),
                      "t",
                      List.of("s3:ObjectCreated:*"),
                      "",
                      "")));
      store.setBucketNotification("b", b.id(), config, null);
      EventDraft put = new EventDraft(EventName.OBJECT_CREATED_PUT, "q", "AK", "127.0.0.1");
      store.putObject(b.id(), Fixtures.object("b", "new", "s2", 1, "e2"), null, put);
      store.putObject(b.id(), Fixtures.object("b", "new", "s3", 1, "e3"), null, put);
      List<ObjectEvent> events =
          store.queuedEvents("t", 10).stream().map(OutboxEvent::event).toList();
      assertThat(events).extracting(ObjectEvent::key).containsExactly("new", "new");
      assertThat(events.get(0).sequencer()).isLessThan(events.get(1).sequencer());
      assertThat(store.findBucket("b").orElseThrow().features().notification()).isEqualTo(config);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      assertThat(Fixtures.single(s, "PRAGMA user_version")).isEqualTo(9);
      assertThat(Fixtures.single(s, "SELECT event_seq FROM counters"))
          .as("the last sequencer is kept")
          .isEqualTo(2);
    }
  }
}
