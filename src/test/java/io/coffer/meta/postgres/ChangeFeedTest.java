package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationTarget;
import io.coffer.model.ObjectEvent;
import io.coffer.model.StoreChange;
import io.coffer.model.TargetType;
import io.coffer.model.WritePrecondition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two PostgresMetadataStore instances on one database, as two nodes: what one commits reaches the
 * other's change listener and event listener within a second; an interrupted feed reports ALL.
 */
class ChangeFeedTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final EventDraft PUT =
      new EventDraft(EventName.OBJECT_CREATED_PUT, "req-1", "AKIDEXAMPLE", "10.0.0.7");

  PostgresDatabase database;
  PostgresMetadataStore node1;
  PostgresMetadataStore node2;
  final BlockingQueue<StoreChange> heard1 = new LinkedBlockingQueue<>();
  final BlockingQueue<StoreChange> heard2 = new LinkedBlockingQueue<>();
  final BlockingQueue<ObjectEvent> events2 = new LinkedBlockingQueue<>();
  long owner;

  @BeforeEach
  void open() throws Exception {
    database = PostgresDatabase.create();
    node1 = PostgresMetadataStore.open(database.url(), null, "n1");
    node2 = PostgresMetadataStore.open(database.url(), null, "n2", Duration.ofMillis(700));
    node1.setChangeListener(heard1::add);
    node2.setChangeListener(heard2::add);
    node2.setEventListener(events2::add);
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "INSERT INTO credentials (access_key, secret_key, user_name, created_at)"
                    + " VALUES ('AK', 'SK', 'u', 0) RETURNING id")) {
      rs.next();
      owner = rs.getLong(1);
    }
  }

  @AfterEach
  void close() {
    node1.close();
    node2.close();
    database.close();
  }

  static void publish(PostgresMetadataStore store, StoreChange change) {
    store.db().writeVoid(tx -> Changes.publish(tx, change));
  }

  /** The next change heard other than the backstop's ALL, or null after the timeout. */
  static StoreChange next(BlockingQueue<StoreChange> heard, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      StoreChange c = heard.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
      if (c == null || !c.equals(StoreChange.ALL)) {
        return c;
      }
    }
  }

  @Test
  void aChangeCommittedThroughOneNodeReachesTheOtherWithinASecond() throws Exception {
    StoreChange disabled = new StoreChange(StoreChange.Kind.CREDENTIAL, "AK");
    long start = System.nanoTime();
    publish(node1, disabled);
    assertThat(next(heard1, 0)).as("this node: told before the write returns").isEqualTo(disabled);
    assertThat(next(heard2, 1000)).isEqualTo(disabled);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(tookMs).isLessThan(1000);
    assertThat(next(heard1, 300)).as("its own change is not told twice").isNull();
  }

  @Test
  void aChangeRolledBackIsNeverHeard() throws Exception {
    assertThatThrownBy(
            () ->
                node1
                    .db()
                    .writeVoid(
                        tx -> {
                          Changes.publish(tx, new StoreChange(StoreChange.Kind.BUCKET, "gone"));
                          throw new IllegalStateException("rolled back");
                        }))
        .isInstanceOf(IllegalStateException.class);
    publish(node1, new StoreChange(StoreChange.Kind.BUCKET, "kept"));
    assertThat(next(heard2, 1000)).isEqualTo(new StoreChange(StoreChange.Kind.BUCKET, "kept"));
    assertThat(next(heard1, 0)).isEqualTo(new StoreChange(StoreChange.Kind.BUCKET, "kept"));
  }

  @Test
  void aBrokenFeedReconnectsAndThenReportsAll() throws Exception {
    Thread.sleep(100);
    heard2.clear();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = 'coffer n2 change feed'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    assertThat(heard2.poll(3, TimeUnit.SECONDS)).isEqualTo(StoreChange.ALL);
    StoreChange later = new StoreChange(StoreChange.Kind.KMS_KEY, "k");
    publish(node1, later);
    assertThat(next(heard2, 1000)).isEqualTo(later);
  }

  @Test
  void theBackstopReportsAllPeriodically() throws Exception {
    assertThat(heard2.poll(2, TimeUnit.SECONDS)).isEqualTo(StoreChange.ALL);
    assertThat(heard1.poll(1, TimeUnit.SECONDS)).as("30 s by default").isNull();
  }

  @Test
  void anEventQueuedThroughOneNodeReachesTheOthersListener() throws Exception {
    Bucket bucket = node1.createBucket("b", owner, "r", T0, false);
    node1.createNotificationTarget(
        new NotificationTarget("t", TargetType.WEBHOOK, "{\"endpoint\":\"http://h/\"}", T0));
    node1.setBucketNotification(
        "b",
        bucket.id(),
        new NotificationConfiguration(
            List.of(
                new NotificationRule(
                    "r",
                    NotificationRule.Kind.QUEUE,
                    NotificationTarget.arn("t", TargetType.WEBHOOK),
                    "t",
                    List.of("s3:ObjectCreated:*"),
                    "",
                    ""))),
        null);
    long start = System.nanoTime();
    put(node1, bucket, "k\u0000ey/é");
    ObjectEvent heard = events2.poll(1, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
    assertThat(heard).isNotNull();
    assertThat(heard.key()).isEqualTo("k\u0000ey/é");
    assertThat(heard.name()).isEqualTo(EventName.OBJECT_CREATED_PUT);
    assertThat(heard.bucket()).isEqualTo("b");
    assertThat(heard.etag()).isEqualTo("etag");
    assertThat(heard.size()).isEqualTo(5);
    assertThat(heard.requestId()).isEqualTo("req-1");
    assertThat(heard.sourceIp()).isEqualTo("10.0.0.7");
    assertThat(heard.sequencer())
        .as("the very event queued")
        .isEqualTo(node2.queuedEvents("t", 10).get(0).event().sequencer());
  }

  @Test
  void aLiveListenerOnOneNodeHearsWritesThroughAnotherAndOnlyItsBuckets() throws Exception {
    Bucket listened = node1.createBucket("listened", owner, "r", T0, false);
    Bucket quiet = node1.createBucket("quiet", owner, "r", T0, false);
    node1.setListenedBuckets(Set.of());
    node2.setListenedBuckets(Set.of("listened"));
    Thread.sleep(200); // node 1 reads the listeners again when told
    long before = sequencer();
    put(node1, quiet, "q");
    assertThat(sequencer()).as("a bucket nobody hears costs no event").isEqualTo(before);
    put(node1, listened, "l");
    ObjectEvent heard = events2.poll(1, TimeUnit.SECONDS);
    assertThat(heard).isNotNull();
    assertThat(heard.key()).isEqualTo("l");
    assertThat(events2.poll(200, TimeUnit.MILLISECONDS)).isNull();

    node2.setListenedBuckets(Set.of());
    Thread.sleep(200);
    before = sequencer();
    put(node1, listened, "after");
    assertThat(sequencer()).as("nobody listens any more").isEqualTo(before);
    assertThat(events2.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  void put(PostgresMetadataStore store, Bucket bucket, String key) {
    store.putObject(
        bucket.id(),
        Fixtures.object(bucket.name(), key, "s-" + key.hashCode(), 5, "\"etag\""),
        WritePrecondition.NONE,
        PUT);
  }

  long sequencer() throws Exception {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT last_value + (is_called::int) FROM event_sequencer")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
