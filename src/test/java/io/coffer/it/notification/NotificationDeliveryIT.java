package io.coffer.it.notification;

import static io.coffer.it.notification.Notifications.isRecord;
import static io.coffer.it.notification.Notifications.record;
import static io.coffer.it.notification.Notifications.unique;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PrometheusText;
import io.coffer.it.support.TestWebhook;
import io.coffer.service.notification.EventDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Delivery to a webhook through a real server: S3 writes, rules set with the SDK, a target created
 * over the management API, and an in-test webhook receiving the AWS event documents.
 */
class NotificationDeliveryIT {
  /** Small, so that the full-queue test fills it quickly. */
  private static final int QUEUE_LIMIT = 40;

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final CofferTestServer coffer =
      new CofferTestServer().configured(c -> c.withNotificationQueueLimit(QUEUE_LIMIT));

  private final Api api = new Api(coffer);

  private String bucketWithWebhook(TestWebhook hook, String token, String secret) {
    String bucket = unique("events");
    S3Client s3 = coffer.s3();
    s3.createBucket(b -> b.bucket(bucket));
    String arn = Notifications.webhookTarget(api, unique("hook"), hook, token, secret);
    Notifications.rule(s3, bucket, "all-changes", arn, "s3:ObjectCreated:*", "s3:ObjectRemoved:*");
    return bucket;
  }

  @Test
  void eventsArriveInAwsFormatSignedAndWithTheBearerToken() throws Exception {
    try (TestWebhook hook = TestWebhook.start()) {
      String bucket = bucketWithWebhook(hook, "token-123", "hmac-secret-xyz");
      List<TestWebhook.Received> test = hook.await(r -> !isRecord(r), 1, WAIT);
      assertThat(test).hasSize(1);
      JsonNode testEvent = Notifications.JSON.readTree(test.get(0).body());
      assertThat(testEvent.get("Event").asString()).isEqualTo("s3:TestEvent");
      assertThat(testEvent.get("Bucket").asString()).isEqualTo(bucket);

      var put =
          coffer
              .s3()
              .putObject(
                  b -> b.bucket(bucket).key("a dir/cat 1.jpg"), RequestBody.fromString("meow"));
      TestWebhook.Received received = hook.await(Notifications::isRecord, 1, WAIT).get(0);
      JsonNode r = record(received);
      assertThat(r.get("eventVersion").asString()).isEqualTo("2.1");
      assertThat(r.get("eventSource").asString()).isEqualTo("aws:s3");
      assertThat(r.get("awsRegion").asString()).isEqualTo("us-east-1");
      assertThat(r.get("eventName").asString()).isEqualTo("ObjectCreated:Put");
      assertThat(r.at("/userIdentity/principalId").asString())
          .isEqualTo(CofferTestServer.ACCESS_KEY);
      assertThat(r.at("/requestParameters/sourceIPAddress").asString()).isEqualTo("127.0.0.1");
      assertThat(r.at("/responseElements/x-amz-request-id").asString())
          .isEqualTo(put.responseMetadata().requestId());
      assertThat(r.at("/s3/configurationId").asString()).isEqualTo("all-changes");
      assertThat(r.at("/s3/bucket/name").asString()).isEqualTo(bucket);
      assertThat(r.at("/s3/bucket/arn").asString()).isEqualTo("arn:aws:s3:::" + bucket);
      assertThat(r.at("/s3/object/key").asString()).isEqualTo("a+dir/cat+1.jpg");
      assertThat(r.at("/s3/object/size").asLong()).isEqualTo(4);
      assertThat("\"" + r.at("/s3/object/eTag").asString() + "\"").isEqualTo(put.eTag());
      assertThat(r.at("/s3/object/sequencer").asString()).isNotEmpty();

      assertThat(received.header("Authorization")).isEqualTo("Bearer token-123");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("hmac-secret-xyz".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      assertThat(received.header("X-Coffer-Signature"))
          .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(received.body())));
    }
  }

  @Test
  void theEventsOfAKeyArriveInTheOrderTheyHappened() throws Exception {
    try (TestWebhook hook = TestWebhook.start()) {
      String bucket = bucketWithWebhook(hook, null, null);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        String key = "k" + (i % 3);
        coffer.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("v" + i));
        expected.add("ObjectCreated:Put " + key);
        if (i % 5 == 4) {
          coffer.s3().deleteObject(b -> b.bucket(bucket).key(key));
          expected.add("ObjectRemoved:Delete " + key);
        }
      }
      List<TestWebhook.Received> got = hook.await(Notifications::isRecord, expected.size(), WAIT);
      List<String> seen = new ArrayList<>();
      List<String> sequencers = new ArrayList<>();
      for (TestWebhook.Received received : got) {
        JsonNode r = record(received);
        seen.add(r.get("eventName").asString() + " " + r.at("/s3/object/key").asString());
        sequencers.add(r.at("/s3/object/sequencer").asString());
      }
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(sequencers).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aTargetThatIsDownGetsEveryEventOnceItIsBack() throws Exception {
    try (TestWebhook hook = TestWebhook.down()) {
      String bucket = bucketWithWebhook(hook, null, null);
      String target = targetOf(bucket);
      for (int i = 0; i < 10; i++) {
        String key = "while-down-" + i;
        coffer.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"));
      }
      // The worker is retrying: failed attempts count, the events wait in the queue.
      awaitMetric("coffer_notification_failed_attempts_total", target, v -> v >= 2);
      PrometheusText metrics = PrometheusText.scrape(coffer.server().consoleEndpoint());
      assertThat(metrics.value("coffer_notification_queued", "target=\"" + target + "\""))
          .isEqualTo(11); // the test event and ten puts
      assertThat(
              metrics.value(
                  "coffer_notification_oldest_undelivered_age_seconds",
                  "target=\"" + target + "\""))
          .isGreaterThan(0);
      assertThat(coffer.server().delivery().status(target).state()).isEqualTo("offline");

      hook.up();
      List<TestWebhook.Received> got = hook.await(Notifications::isRecord, 10, WAIT);
      assertThat(got.stream().map(r -> record(r).at("/s3/object/key").asString()))
          .containsExactly(
              "while-down-0",
              "while-down-1",
              "while-down-2",
              "while-down-3",
              "while-down-4",
              "while-down-5",
              "while-down-6",
              "while-down-7",
              "while-down-8",
              "while-down-9");
      awaitMetric("coffer_notification_delivered_total", target, v -> v >= 11);
      awaitMetric("coffer_notification_queued", target, v -> v == 0);
      assertThat(coffer.server().delivery().status(target).state()).isEqualTo("online");
    }
  }

  @Test
  void aFullQueueDropsEventsWithAMetricAndALogLine() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(EventDelivery.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try (TestWebhook hook = TestWebhook.down()) {
      String bucket = bucketWithWebhook(hook, null, null);
      String target = targetOf(bucket);
      int writes = QUEUE_LIMIT + 15;
      for (int i = 0; i < writes; i++) {
        String key = "flood-" + i;
        var put =
            coffer.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"));
        assertThat(put.eTag()).isNotNull(); // the write succeeds whether or not its event fits
      }
      // The test event took one place: writes - (limit - 1) events found the queue full.
      int dropped = writes - (QUEUE_LIMIT - 1);
      awaitMetric("coffer_notification_dropped_total", target, v -> v == dropped);
      assertThat(
              PrometheusText.scrape(coffer.server().consoleEndpoint())
                  .value("coffer_notification_queued", "target=\"" + target + "\""))
          .isEqualTo(QUEUE_LIMIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (dropLines(log, target).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(dropLines(log, target)).isNotEmpty();
      assertThat(dropLines(log, target).get(0)).contains("Dropped").contains("queue is full");

      hook.up(); // what was queued is still delivered, in order
      List<TestWebhook.Received> got = hook.await(Notifications::isRecord, QUEUE_LIMIT - 1, WAIT);
      assertThat(got).hasSize(QUEUE_LIMIT - 1);
      assertThat(record(got.get(0)).at("/s3/object/key").asString()).isEqualTo("flood-0");
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void aChangedTargetDeliversToItsNewEndpointAndADeletedOneLeavesTheMetrics() throws Exception {
    try (TestWebhook first = TestWebhook.start();
        TestWebhook second = TestWebhook.start()) {
      String bucket = bucketWithWebhook(first, null, null);
      String target = targetOf(bucket);
      put(bucket, "before");
      assertThat(first.await(Notifications::isRecord, 1, WAIT)).hasSize(1);

      Api.Reply changed =
          api.send(
              "PUT",
              "/notification-targets/" + target,
              "{\"config\": {\"endpoint\": \"" + second.uri() + "\"}}");
      assertThat(changed.status()).as(changed.http().body()).isEqualTo(200);
      put(bucket, "after");
      List<TestWebhook.Received> moved = second.await(Notifications::isRecord, 1, WAIT);
      assertThat(moved).hasSize(1);
      assertThat(record(moved.get(0)).at("/s3/object/key").asString()).isEqualTo("after");
      assertThat(first.received().stream().filter(Notifications::isRecord)).hasSize(1);
      awaitMetric("coffer_notification_delivered_total", target, v -> v >= 3);

      coffer
          .s3()
          .putBucketNotificationConfiguration(
              b -> b.bucket(bucket).notificationConfiguration(c -> {}));
      assertThat(api.send("DELETE", "/notification-targets/" + target, null).status())
          .isEqualTo(200);
      assertThat(
              PrometheusText.scrape(coffer.server().consoleEndpoint()).series().keySet().stream()
                  .filter(k -> k.contains("target=\"" + target + "\"")))
          .isEmpty();
    }
  }

  private static void put(String bucket, String key) {
    coffer.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"));
  }

  private static List<String> dropLines(ListAppender<ILoggingEvent> log, String target) {
    return log.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(target) && m.contains("Dropped"))
        .toList();
  }

  /** The ID of the one target the bucket's rule names. */
  private String targetOf(String bucket) {
    String arn =
        coffer
            .s3()
            .getBucketNotificationConfiguration(b -> b.bucket(bucket))
            .queueConfigurations()
            .get(0)
            .queueArn();
    return arn.split(":")[4]; // arn:coffer:sqs::<id>:<type>
  }

  private static void awaitMetric(
      String name, String target, java.util.function.DoublePredicate done) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    double value = 0;
    while (System.nanoTime() < deadline) {
      value =
          PrometheusText.scrape(coffer.server().consoleEndpoint())
              .value(name, "target=\"" + target + "\"");
      if (done.test(value)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " for " + target + " stayed at " + value);
  }
}
