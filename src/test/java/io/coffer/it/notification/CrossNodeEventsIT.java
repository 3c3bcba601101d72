package io.coffer.it.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.MetadataSettings;
import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.it.support.SignedHttp;
import io.coffer.it.support.TestWebhook;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Two Coffer nodes on one PostgreSQL database: a live listener (ListenBucketNotification) on one
 * node hears the writes made through the other, within about a second; targets created through
 * either node are delivered to by whichever node delivers.
 */
class CrossNodeEventsIT {
  private static final String BUCKET = "watched-across";
  private static PostgresDatabase database;
  private static CofferTestServer node1;
  private static CofferTestServer node2;

  @BeforeAll
  static void start() throws Exception {
    database = PostgresDatabase.create();
    node1 = node("node-1");
    node2 = node("node-2");
    node1.s3().createBucket(b -> b.bucket(BUCKET));
  }

  private static CofferTestServer node(String nodeId) throws Exception {
    CofferTestServer node =
        new CofferTestServer()
            .configured(c -> c.withMetadata(new MetadataSettings(database.url(), null, nodeId)));
    node.beforeAll(null);
    return node;
  }

  @AfterAll
  static void stop() throws Exception {
    for (CofferTestServer node : new CofferTestServer[] {node1, node2}) {
      if (node != null) {
        node.afterAll(null);
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aListenerOnOneNodeHearsWritesThroughTheOther() throws Exception {
    HttpResponse<InputStream> response =
        SignedHttp.request(node2.s3Uri(), "GET", BUCKET, null)
            .query("events", "s3:ObjectCreated:*")
            .open();
    assertThat(response.statusCode()).isEqualTo(200);
    try (ListenBucketNotificationIT.Stream stream =
        new ListenBucketNotificationIT.Stream(response)) {
      Thread.sleep(300); // node 1 learns that node 2 listens (one notification away)
      long start = System.nanoTime();
      node1.s3().putObject(b -> b.bucket(BUCKET).key("from-node-1"), RequestBody.fromString("x"));
      List<JsonNode> records = stream.awaitRecords(1, Duration.ofSeconds(5));
      long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).at("/s3/object/key").asString()).isEqualTo("from-node-1");
      assertThat(records.get(0).get("eventName").asString()).isEqualTo("ObjectCreated:Put");
      assertThat(tookMs).as("heard within about a second").isLessThan(1500);
    }
  }

  @Test
  void targetsCreatedThroughEitherNodeReceiveWritesThroughTheOther() throws Exception {
    try (TestWebhook first = TestWebhook.start();
        TestWebhook second = TestWebhook.start()) {
      // one of the two nodes delivers (its lease): the other's target reaches it through the store
      String arn1 = Notifications.webhookTarget(new Api(node1), "via-node-1", first, null, null);
      String arn2 = Notifications.webhookTarget(new Api(node2), "via-node-2", second, null, null);
      node1.s3().createBucket(b -> b.bucket("delivered-across"));
      // one rule per target, on keys of their own (rules may not overlap)
      node1
          .s3()
          .putBucketNotificationConfiguration(
              b ->
                  b.bucket("delivered-across")
                      .notificationConfiguration(
                          c ->
                              c.queueConfigurations(
                                  rule("one", arn1, "a/"), rule("two", arn2, "b/"))));
      for (String key : List.of("a/k", "b/k")) {
        node2
            .s3()
            .putObject(b -> b.bucket("delivered-across").key(key), RequestBody.fromString("x"));
      }
      Duration wait = Duration.ofSeconds(20);
      assertThat(first.await(Notifications::isRecord, 1, wait)).hasSize(1);
      assertThat(second.await(Notifications::isRecord, 1, wait)).hasSize(1);
    }
  }

  private static QueueConfiguration rule(String id, String arn, String prefix) {
    return QueueConfiguration.builder()
        .id(id)
        .queueArn(arn)
        .eventsWithStrings("s3:ObjectCreated:*")
        .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value(prefix))))
        .build();
  }
}
