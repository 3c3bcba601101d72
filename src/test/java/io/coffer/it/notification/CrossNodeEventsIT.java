package io.coffer.it.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.MetadataSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.it.support.SignedHttp;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * Two Coffer nodes on one PostgreSQL database: a live listener (ListenBucketNotification) on one
 * node hears the writes made through the other, within about a second.
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
}
