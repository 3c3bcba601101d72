package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationTarget;
import io.coffer.model.ObjectEvent;
import io.coffer.model.OutboxEvent;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.TargetType;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Event notifications in the store: rules matched in the write's transaction, the durable outbox
 * with its bound, sequencers and the live listener (configurations and targets:
 * NotificationRulesStoreTest).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
public class NotificationStoreTest {
  @Parameter Stores.Kind kind;
  Stores stores;
  static final EventDraft PUT =
      new EventDraft(EventName.OBJECT_CREATED_PUT, "req-1", "AKIDEXAMPLE", "10.0.0.7");
  static final EventDraft DELETE =
      new EventDraft(EventName.OBJECT_REMOVED_DELETE, "req-2", "AKIDEXAMPLE", "10.0.0.7");

  @TempDir Path dir;
  MetadataStore store;
  long owner;
  Bucket bucket;

  @BeforeEach
  void open() {
    stores = Stores.create(kind, dir);
    store = stores.open(false);
    owner = store.createCredential("AK", "SK", "u", T0).id();
    bucket = store.createBucket("b", owner, "r", T0, false);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  public static NotificationTarget target(String id) {
    return new NotificationTarget(id, TargetType.WEBHOOK, "{\"endpoint\":\"http://h/\"}", T0);
  }

  public static NotificationRule rule(
      String id, String targetId, String prefix, String suffix, String... events) {
    return new NotificationRule(
        id,
        NotificationRule.Kind.QUEUE,
        NotificationTarget.arn(targetId, TargetType.WEBHOOK),
        targetId,
        List.of(events),
        prefix,
        suffix);
  }

  void configure(NotificationRule... rules) {
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

  @Test
  void aPutIsQueuedForEachRuleItMatchesWithTheFactsOfTheWrite() {
    store.createNotificationTarget(target("t1"));
    store.createNotificationTarget(target("t2"));
    configure(
        rule("images", "t1", "img/", "", "s3:ObjectCreated:*"),
        rule("jpegs", "t2", "", ".jpg", "s3:ObjectCreated:Put"));

    put("img/a.jpg", PUT);
    put("img/b.png", PUT);
    put("doc/c.jpg", PUT.withName(EventName.OBJECT_CREATED_COPY)); // t2 wants Put only
    put("doc/d.txt", PUT);

    List<OutboxEvent> t1 = store.queuedEvents("t1", 10);
    assertThat(t1).extracting(e -> e.event().key()).containsExactly("img/a.jpg", "img/b.png");
    assertThat(t1).extracting(OutboxEvent::configurationId).containsOnly("images");
    assertThat(t1).extracting(OutboxEvent::targetId).containsOnly("t1");
    assertThat(queued("t2")).extracting(ObjectEvent::key).containsExactly("img/a.jpg");
    ObjectEvent e = t1.get(0).event();
    assertThat(e.name()).isEqualTo(EventName.OBJECT_CREATED_PUT);
    assertThat(e.bucket()).isEqualTo("b");
    assertThat(e.size()).isEqualTo(5);
    assertThat(e.etag()).as("without quotes").isEqualTo("etag");
    assertThat(e.versionId()).as("never versioned").isNull();
    assertThat(e.requestId()).isEqualTo("req-1");
    assertThat(e.principalId()).isEqualTo("AKIDEXAMPLE");
    assertThat(e.sourceIp()).isEqualTo("10.0.0.7");
    assertThat(e.sequencer()).hasSize(16);
    assertThat(store.outboxStats("t1").queued()).isEqualTo(2);
    assertThat(store.outboxStats("t2").queued()).isEqualTo(1);
  }

  @Test
  void prefixAndSuffixAreComparedAsKeyBytes() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "é/", "ß", "s3:ObjectCreated:*"));
    put("é/aß", PUT);
    put("e/aß", PUT);
    put("é/a", PUT);
    put("éß", PUT); // shorter than prefix + suffix together, still both
    assertThat(queued("t")).extracting(ObjectEvent::key).containsExactly("é/aß");
  }

  @Test
  void aWriteWithoutADraftOrOfAnotherTypeQueuesNothing() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectRemoved:*"));
    put("k", PUT);
    put("k", null);
    assertThat(queued("t")).isEmpty();
    store.deleteObject("b", "k", null, WritePrecondition.NONE, "m", T0, false, DELETE);
    assertThat(queued("t"))
        .extracting(ObjectEvent::name)
        .containsExactly(EventName.OBJECT_REMOVED_DELETE);
  }

  @Test
  void aFailedPreconditionQueuesNothing() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*", "s3:ObjectRemoved:*"));
    put("k", PUT);
    assertThatThrownBy(
            () ->
                store.putObject(
                    bucket.id(),
                    Fixtures.object("b", "k", "s2", 1, "e"),
                    new WritePrecondition(null, true),
                    PUT))
        .extracting(t -> ((CofferException) t).code())
        .isEqualTo(ErrorCode.PRECONDITION_FAILED);
    assertThatThrownBy(
            () ->
                store.deleteObject(
                    "b", "k", null, new WritePrecondition("other", false), "m", T0, false, DELETE))
        .extracting(t -> ((CofferException) t).code())
        .isEqualTo(ErrorCode.PRECONDITION_FAILED);
    assertThatThrownBy(
            () ->
                store.putObject(
                    "0".repeat(32), Fixtures.object("b", "k2", "s3", 1, "e"), null, PUT))
        .extracting(t -> ((CofferException) t).code())
        .isEqualTo(ErrorCode.NO_SUCH_BUCKET);
    assertThat(queued("t")).hasSize(1);
    assertThat(store.outboxStats("t").queued()).isEqualTo(1);
  }

  /**
   * Many writes in shared group commits, half of them refused (If-None-Match on one key): an event
   * is queued exactly for each write that committed.
   */
  @Test
  void anEventIsQueuedExactlyForEachWriteThatCommitted() throws Exception {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*", "s3:ObjectTagging:*"));
    List<String> succeeded = new CopyOnWriteArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String key = i % 2 == 0 ? "contended" : "k" + i;
        futures.add(
            pool.submit(
                () -> {
                  try {
                    store.putObject(
                        bucket.id(),
                        Fixtures.object("b", key, "s-" + key + Math.random(), 1, "e"),
                        new WritePrecondition(null, true),
                        PUT);
                    succeeded.add(key);
                  } catch (CofferException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
    assertThat(succeeded).hasSize(101);
    assertThat(queued("t"))
        .extracting(ObjectEvent::key)
        .containsExactlyInAnyOrderElementsOf(succeeded);
    assertThat(store.outboxStats("t").queued()).isEqualTo(101);
  }

  @Test
  void deletesReportWhatTheyDid() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectRemoved:*", "s3:LifecycleExpiration:*"));
    // never versioned: a removal without version ID; an absent key reports nothing
    put("plain", null);
    store.deleteObject("b", "plain", null, WritePrecondition.NONE, "m", T0, false, DELETE);
    store.deleteObject("b", "absent", null, WritePrecondition.NONE, "m", T0, false, DELETE);
    assertThat(queued("t"))
        .extracting(ObjectEvent::name, ObjectEvent::key, ObjectEvent::versionId, ObjectEvent::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                EventName.OBJECT_REMOVED_DELETE, "plain", null, 0L));

    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    String v1 = "0000000000000000000000000000000a";
    store.putObject(
        bucket.id(),
        Fixtures.object("b", "v", "s-v", 3, "e").withVersion(v1),
        WritePrecondition.NONE,
        null);
    store.deleteObject("b", "v", null, WritePrecondition.NONE, "marker-1", T0, false, DELETE);
    store.deleteObject("b", "v", "marker-1", WritePrecondition.NONE, "x", T0, false, DELETE);
    store.deleteObject("b", "v", v1, WritePrecondition.NONE, "x", T0, false, DELETE);
    store.deleteObject("b", "v", "no-such", WritePrecondition.NONE, "x", T0, false, DELETE);
    EventDraft expire =
        new EventDraft(EventName.LIFECYCLE_EXPIRATION_DELETE, "req-3", "coffer-lifecycle", null);
    store.deleteObject("b", "gone", null, WritePrecondition.NONE, "marker-2", T0, false, expire);
    assertThat(queued("t").subList(1, 5))
        .extracting(ObjectEvent::name, ObjectEvent::versionId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED, "marker-1"),
            org.assertj.core.groups.Tuple.tuple(EventName.OBJECT_REMOVED_DELETE, "marker-1"),
            org.assertj.core.groups.Tuple.tuple(EventName.OBJECT_REMOVED_DELETE, v1),
            org.assertj.core.groups.Tuple.tuple(
                EventName.LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED, "marker-2"));
    assertThat(queued("t").get(4).sourceIp()).isNull();
  }

  @Test
  void completingAnUploadReportsOnceAndARetryReportsNothing() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:CompleteMultipartUpload"));
    store.createUpload(Fixtures.upload("u1", "b", "mp"));
    store.putPart(Fixtures.part("u1", 1, "p1", 7));
    List<Segment> segs = new ArrayList<>();
    for (Part p : store.listParts("u1", 0, 10)) {
      segs.add(p.toSegment());
    }
    EventDraft complete = PUT.withName(EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD);
    for (int attempt = 0; attempt < 2; attempt++) {
      io.coffer.model.CompletedUpload completion =
          new io.coffer.model.CompletedUpload(
              "u1", "b", "mp", "\"e-1\"", 7, null, "fingerprint", T0, "null");
      store.completeUpload(
          completion,
          Fixtures.multipartObject("b", "mp", "m", 7, "\"e-1\"", 1),
          segs,
          WritePrecondition.NONE,
          T0.minusSeconds(3600),
          complete);
    }
    assertThat(queued("t"))
        .extracting(ObjectEvent::name, ObjectEvent::key, ObjectEvent::size, ObjectEvent::etag)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD, "mp", 7L, "e-1"));
  }

  @Test
  void taggingReportsTheVersionTagged() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectTagging:*"));
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    String v1 = "0000000000000000000000000000000a";
    store.putObject(
        bucket.id(),
        Fixtures.object("b", "k", "s", 3, "e").withVersion(v1),
        WritePrecondition.NONE,
        PUT);
    store.setObjectTags(
        "b", "k", null, Map.of("a", "1"), PUT.withName(EventName.OBJECT_TAGGING_PUT));
    store.setObjectTags("b", "k", v1, Map.of(), PUT.withName(EventName.OBJECT_TAGGING_DELETE));
    assertThat(queued("t"))
        .extracting(ObjectEvent::name, ObjectEvent::versionId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EventName.OBJECT_TAGGING_PUT, v1),
            org.assertj.core.groups.Tuple.tuple(EventName.OBJECT_TAGGING_DELETE, v1));
  }

  @Test
  void aLaterChangeOfAKeyHasAGreaterSequencerAlsoAfterARestart() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*", "s3:ObjectRemoved:*"));
    put("k", PUT);
    put("k", PUT);
    store.deleteObject("b", "k", null, WritePrecondition.NONE, "m", T0, false, DELETE);
    store = stores.reopen(store, false);
    put("k", PUT);
    List<String> sequencers = queued("t").stream().map(ObjectEvent::sequencer).toList();
    assertThat(sequencers).hasSize(4).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aFullQueueDropsAndCountsWhileTheWriteSucceeds() {
    store.createNotificationTarget(target("t"));
    store.createNotificationTarget(target("u"));
    configure(
        rule("r", "t", "", "", "s3:ObjectCreated:*"),
        rule("s", "u", "x", "", "s3:ObjectCreated:*"));
    store.setOutboxLimit(2);
    for (int i = 0; i < 5; i++) {
      put("k" + i, PUT);
    }
    put("x", PUT);
    assertThat(store.findObject("b", "k4")).as("the write stands").isPresent();
    assertThat(store.outboxStats("t").queued()).isEqualTo(2);
    assertThat(store.outboxStats("t").dropped()).isEqualTo(4);
    assertThat(store.outboxStats("u").queued()).as("a queue of its own").isEqualTo(1);
    assertThat(queued("t")).extracting(ObjectEvent::key).containsExactly("k0", "k1");

    List<OutboxEvent> first = store.queuedEvents("t", 1);
    store.removeQueuedEvents("t", List.of(first.get(0).seq(), 999_999L));
    assertThat(store.outboxStats("t").queued()).isEqualTo(1);
    put("k5", PUT);
    put("k6", PUT);
    assertThat(queued("t")).extracting(ObjectEvent::key).containsExactly("k1", "k5");
    assertThat(store.outboxStats("t").dropped()).isEqualTo(5);
  }

  @Test
  void queuedEventsComeInQueueOrderAndStatsKnowTheOldest() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*"));
    assertThat(store.outboxStats("t").oldestQueued()).isNull();
    long before = System.currentTimeMillis();
    for (int i = 0; i < 5; i++) {
      put("k" + i, PUT);
    }
    List<OutboxEvent> page = store.queuedEvents("t", 3);
    assertThat(page).extracting(e -> e.event().key()).containsExactly("k0", "k1", "k2");
    assertThat(page).extracting(OutboxEvent::seq).isSorted();
    assertThat(store.outboxStats("t").oldestQueued().toEpochMilli())
        .isBetween(before, System.currentTimeMillis());
    store.removeQueuedEvents("t", page.stream().map(OutboxEvent::seq).toList());
    assertThat(queued("t")).extracting(ObjectEvent::key).containsExactly("k3", "k4");
    assertThat(store.outboxStats("nobody")).isEqualTo(new io.coffer.model.OutboxStats(0, 0, null));
  }

  @Test
  void theListenerHearsEveryCommittedEventAfterItsCommit() throws Exception {
    store.createNotificationTarget(target("t"));
    List<ObjectEvent> heard = new CopyOnWriteArrayList<>();
    store.setEventListener(
        e -> {
          // after the commit: the change is visible to readers
          assertThat(store.findObject("b", e.key())).isPresent();
          heard.add(e);
        });
    put("no-rules", PUT);
    assertThatThrownBy(
            () ->
                store.putObject(
                    bucket.id(),
                    Fixtures.object("b", "no-rules", "s2", 1, "e"),
                    new WritePrecondition(null, true),
                    PUT))
        .isInstanceOf(CofferException.class);
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*"));
    put("with-rules", PUT);
    put("no-draft", null);
    long deadline = System.currentTimeMillis() + 5000;
    while (heard.size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(50);
    assertThat(heard).extracting(ObjectEvent::key).containsExactly("no-rules", "with-rules");
    assertThat(heard.get(1).sequencer()).isEqualTo(queued("t").get(0).sequencer());
    store.setEventListener(null);
    put("after", PUT);
    Thread.sleep(50);
    assertThat(heard).hasSize(2);
  }
}
