package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.NotificationStoreTest.rule;
import static io.coffer.meta.NotificationStoreTest.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.ObjectEvent;
import io.coffer.model.OutboxEvent;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event notifications and SQLite's writer: group commits with savepoints, statement counts (the
 * behaviour both stores share is io.coffer.meta.NotificationStoreTest's).
 */
class SqliteNotificationTest {
  static final EventDraft PUT =
      new EventDraft(EventName.OBJECT_CREATED_PUT, "req-1", "AKIDEXAMPLE", "10.0.0.7");

  @TempDir Path dir;
  SqliteMetadataStore store;
  long owner;
  Bucket bucket;

  @BeforeEach
  void open() {
    store = SqliteMetadataStore.open(dir.resolve("meta.db"), false);
    owner = store.createCredential("AK", "SK", "u", T0).id();
    bucket = store.createBucket("b", owner, "r", T0, false);
  }

  @AfterEach
  void close() {
    store.close();
  }

  void configure(io.coffer.model.NotificationRule... rules) {
    store.setBucketNotification(
        "b", bucket.id(), new NotificationConfiguration(List.of(rules)), null);
  }

  void put(String key, EventDraft draft) {
    store.putObject(
        bucket.id(),
        Fixtures.object("b", key, "s-" + key, 5, "\"etag\""),
        WritePrecondition.NONE,
        draft);
  }

  List<ObjectEvent> queued(String target) {
    return store.queuedEvents(target, 1000).stream().map(OutboxEvent::event).toList();
  }

  /**
   * A write that fails after changing rows (and after recording its event) makes its group run
   * again with savepoints: its event is neither queued, nor counted, nor heard; the others' are.
   */
  @Test
  @Timeout(60)
  void theEventOfAWriteRolledBackAfterChangingRowsIsNeitherQueuedNorHeard() throws Exception {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*"));
    List<ObjectEvent> heard = new CopyOnWriteArrayList<>();
    store.setEventListener(heard::add);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> blocker =
          threads.submit(
              () ->
                  store.workers.writeVoid(
                      c -> {
                        started.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                      }));
      started.await(); // the writer is busy: what follows queues up for one group
      Future<?> a = threads.submit(() -> put("a", PUT));
      while (store.workers.queuedWrites() < 1) {
        Thread.sleep(1);
      }
      Future<?> failing =
          threads.submit(
              () ->
                  store.workers.writeVoid(
                      c -> {
                        ObjectSql.put(
                            c,
                            bucket.id(),
                            ObjectSql.ObjectRow.of(Fixtures.object("b", "failed", "s", 1, "e")),
                            WritePrecondition.NONE,
                            PUT);
                        throw new CofferException(ErrorCode.INVALID_PART);
                      }));
      while (store.workers.queuedWrites() < 2) {
        Thread.sleep(1);
      }
      Future<?> c = threads.submit(() -> put("c", PUT));
      while (store.workers.queuedWrites() < 3) {
        Thread.sleep(1);
      }
      release.countDown();
      blocker.get();
      a.get();
      c.get();
      assertThatThrownBy(failing::get).hasCauseInstanceOf(CofferException.class);
    }
    assertThat(store.findObject("b", "failed")).isEmpty();
    assertThat(queued("t")).extracting(ObjectEvent::key).containsExactly("a", "c");
    assertThat(store.outboxStats("t").queued()).isEqualTo(2);
    long deadline = System.currentTimeMillis() + 5000;
    while (heard.size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(heard).extracting(ObjectEvent::key).containsExactly("a", "c");
  }

  /** The store's promise to the hot path: no rules, no extra SQL. */
  @Test
  void aPutToABucketWithoutRulesCostsNoExtraStatement() {
    store.createNotificationTarget(target("t"));
    Bucket other = store.createBucket("o", owner, "r", T0, false);
    store.setBucketNotification(
        "o",
        other.id(),
        new NotificationConfiguration(List.of(rule("r", "t", "", "", "s3:ObjectCreated:*"))),
        null);
    put("warm-up", PUT);
    put("warm-up-2", null);
    long s0 = store.statementCount();
    put("without-draft", null);
    long withoutDraft = store.statementCount() - s0;
    s0 = store.statementCount();
    put("with-draft", PUT);
    long withDraft = store.statementCount() - s0;
    assertThat(withDraft).isEqualTo(withoutDraft);
    // and with a live listener, the sequencer rides along with the counters' update
    store.setEventListener(e -> {});
    s0 = store.statementCount();
    put("with-listener", PUT);
    assertThat(store.statementCount() - s0).isEqualTo(withoutDraft);
  }
}
