package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.NotificationStoreTest.rule;
import static io.coffer.meta.NotificationStoreTest.target;
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
import io.coffer.model.TargetType;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bucket's notification configuration and the targets it names, in the store: set, refused,
 * removed (with the bucket too), the test events it queues; targets created, changed and deleted
 * unless in use. The events of writes are NotificationStoreTest's.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
class NotificationRulesStoreTest {
  @Parameter Stores.Kind kind;
  Stores stores;
  static final EventDraft PUT = NotificationStoreTest.PUT;

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
  void settingAConfigurationQueuesATestEventForEachTargetNamed() {
    store.createNotificationTarget(target("t1"));
    store.createNotificationTarget(target("t2"));
    NotificationConfiguration config =
        new NotificationConfiguration(
            List.of(
                rule("a", "t1", "", "", "s3:ObjectCreated:*"),
                rule("b", "t1", "", "", "s3:ObjectRemoved:*"),
                rule("c", "t2", "", "", "s3:ObjectCreated:*")));
    EventDraft test = new EventDraft(EventName.TEST_EVENT, "req-t", "AKIDEXAMPLE", "10.0.0.7");
    Bucket updated = store.setBucketNotification("b", bucket.id(), config, test);
    assertThat(updated.features().notification()).isEqualTo(config);
    assertThat(store.findBucket("b").orElseThrow().features().notification()).isEqualTo(config);
    assertThat(store.findBucketRef("b").orElseThrow().features().notification()).isEqualTo(config);
    for (String t : List.of("t1", "t2")) {
      List<OutboxEvent> events = store.queuedEvents(t, 10);
      assertThat(events).hasSize(1);
      assertThat(events.get(0).configurationId()).isEmpty();
      assertThat(events.get(0).event().name()).isEqualTo(EventName.TEST_EVENT);
      assertThat(events.get(0).event().key()).isNull();
      assertThat(events.get(0).event().requestId()).isEqualTo("req-t");
    }
  }

  @Test
  void aConfigurationNamingAMissingTargetIsRefusedAndChangesNothing() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*"));
    NotificationConfiguration bad =
        new NotificationConfiguration(
            List.of(
                rule("r", "t", "", "", "s3:ObjectRemoved:*"),
                rule("s", "ghost", "", "", "s3:ObjectCreated:*")));
    assertThatThrownBy(() -> store.setBucketNotification("b", bucket.id(), bad, null))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage())
                  .contains("Unable to validate the following destination configurations");
            });
    assertThatThrownBy(
            () ->
                store.setBucketNotification(
                    "b",
                    "0".repeat(32),
                    new NotificationConfiguration(List.of(rule("r", "t", "", "", "s3:*:*"))),
                    null))
        .isInstanceOf(CofferException.class);
    put("k", PUT);
    assertThat(queued("t"))
        .extracting(ObjectEvent::name)
        .containsExactly(EventName.OBJECT_CREATED_PUT);
    assertThat(store.bucketsNotifying("ghost")).isEmpty();
  }

  @Test
  void aConfigurationWithRepeatedIdsOrUnknownEventsIsRefused() {
    store.createNotificationTarget(target("t"));
    for (NotificationConfiguration bad :
        List.of(
            new NotificationConfiguration(
                List.of(
                    rule("same", "t", "a", "", "s3:ObjectCreated:*"),
                    rule("same", "t", "b", "", "s3:ObjectCreated:*"))),
            new NotificationConfiguration(List.of(rule("r", "t", "", "", "s3:ObjectCreated:Nope"))),
            new NotificationConfiguration(List.of(rule("r", "t", "", "", "s3:ObjectRestore:*"))))) {
      assertThatThrownBy(() -> store.setBucketNotification("b", bucket.id(), bad, null))
          .extracting(e -> ((CofferException) e).code())
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
    assertThat(store.findBucket("b").orElseThrow().features().notification()).isNull();
  }

  @Test
  void theListenerIsNotToldOfTestEvents() throws Exception {
    store.createNotificationTarget(target("t"));
    List<ObjectEvent> heard = new CopyOnWriteArrayList<>();
    store.setEventListener(heard::add);
    store.setBucketNotification(
        "b",
        bucket.id(),
        new NotificationConfiguration(List.of(rule("r", "t", "", "", "s3:ObjectCreated:*"))),
        PUT.withName(EventName.TEST_EVENT));
    put("k", PUT);
    long deadline = System.currentTimeMillis() + 5000;
    while (heard.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(50);
    assertThat(heard).extracting(ObjectEvent::name).containsExactly(EventName.OBJECT_CREATED_PUT);
    assertThat(queued("t"))
        .extracting(ObjectEvent::name)
        .containsExactly(EventName.TEST_EVENT, EventName.OBJECT_CREATED_PUT);
  }

  @Test
  void removingTheConfigurationStopsEvents() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*"));
    store.setBucketNotification("b", bucket.id(), null, null);
    put("k", PUT);
    assertThat(queued("t")).isEmpty();
    assertThat(store.findBucket("b").orElseThrow().features().notification()).isNull();
    assertThat(store.bucketsNotifying("t")).isEmpty();
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*"));
    store.setBucketNotification("b", bucket.id(), new NotificationConfiguration(List.of()), null);
    put("k", PUT);
    assertThat(queued("t")).isEmpty();
  }

  @Test
  void targetsAreCreatedUpdatedListedAndDeletedUnlessInUse() {
    store.createNotificationTarget(target("t"));
    assertThatThrownBy(() -> store.createNotificationTarget(target("t")))
        .extracting(e -> ((CofferException) e).code())
        .isEqualTo(ErrorCode.NOTIFICATION_TARGET_EXISTS);
    NotificationTarget updated =
        store.updateNotificationTarget("t", "{\"endpoint\":\"http://i/\"}");
    assertThat(updated).isEqualTo(target("t").withConfig("{\"endpoint\":\"http://i/\"}"));
    assertThat(store.findNotificationTarget("t")).hasValue(updated);
    assertThat(store.findNotificationTarget("x")).isEmpty();
    store.createNotificationTarget(
        new NotificationTarget("a", TargetType.NATS, "{\"url\":\"nats://h\"}", T0));
    assertThat(store.listNotificationTargets())
        .extracting(NotificationTarget::id, NotificationTarget::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", TargetType.NATS),
            org.assertj.core.groups.Tuple.tuple("t", TargetType.WEBHOOK));
    assertThatThrownBy(() -> store.updateNotificationTarget("x", "{}"))
        .extracting(e -> ((CofferException) e).code())
        .isEqualTo(ErrorCode.NO_SUCH_NOTIFICATION_TARGET);

    Bucket other = store.createBucket("a-bucket", owner, "r", T0, false);
    configure(
        rule("r", "t", "", "", "s3:ObjectCreated:*"),
        rule("s", "t", "x", "", "s3:ObjectRemoved:*"));
    store.setBucketNotification(
        "a-bucket",
        other.id(),
        new NotificationConfiguration(List.of(rule("r", "t", "", "", "s3:ObjectCreated:*"))),
        null);
    assertThat(store.bucketsNotifying("t")).containsExactly("a-bucket", "b");
    assertThatThrownBy(() -> store.deleteNotificationTarget("t"))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.NOTIFICATION_TARGET_IN_USE);
              assertThat(e.getMessage()).contains("a-bucket, b");
            });
    put("k", PUT);
    store.setBucketNotification("b", bucket.id(), null, null);
    store.setBucketNotification("a-bucket", other.id(), null, null);
    store.deleteNotificationTarget("t");
    assertThat(store.findNotificationTarget("t")).isEmpty();
    assertThat(store.queuedEvents("t", 10)).as("queued events go with their target").isEmpty();
    assertThatThrownBy(() -> store.deleteNotificationTarget("t"))
        .extracting(e -> ((CofferException) e).code())
        .isEqualTo(ErrorCode.NO_SUCH_NOTIFICATION_TARGET);
    store.createNotificationTarget(target("t"));
    assertThat(store.outboxStats("t")).isEqualTo(new io.coffer.model.OutboxStats(0, 0, null));
  }

  @Test
  void aDeletedBucketTakesItsRulesWithIt() {
    store.createNotificationTarget(target("t"));
    configure(rule("r", "t", "", "", "s3:ObjectCreated:*"));
    Fixtures.deleteBucket(store, "b");
    assertThat(store.bucketsNotifying("t")).isEmpty();
    store.deleteNotificationTarget("t");
    store.createNotificationTarget(target("t"));
    bucket = store.createBucket("b", owner, "r", T0, false);
    put("k", PUT);
    assertThat(queued("t")).as("a bucket created again has no rules").isEmpty();
  }
}
