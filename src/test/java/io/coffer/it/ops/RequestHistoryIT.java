package io.coffer.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/server/history counts the S3 requests made, by operation, errors and bytes. */
class RequestHistoryIT {
  @RegisterExtension
  static final CofferTestServer SERVER = CofferTestServer.withBuckets("history-it");

  static final Api API = new Api(SERVER);

  record Totals(long requests, long puts, long gets, long errors4xx, long bytesIn, long bytesOut) {}

  static Totals totals() {
    JsonNode history = API.get("/server/history").json();
    assertThat(history.get("slot_seconds").asLong()).isEqualTo(10);
    assertThat(history.get("slots").size()).isEqualTo(360);
    long requests = 0;
    long puts = 0;
    long gets = 0;
    long errors = 0;
    long in = 0;
    long out = 0;
    for (JsonNode slot : history.get("slots")) {
      requests += slot.get("requests").asLong();
      JsonNode ops = slot.get("by_operation");
      puts += ops.has("PutObject") ? ops.get("PutObject").asLong() : 0;
      gets += ops.has("GetObject") ? ops.get("GetObject").asLong() : 0;
      errors += slot.get("errors_4xx").asLong();
      in += slot.get("bytes_in").asLong();
      out += slot.get("bytes_out").asLong();
    }
    return new Totals(requests, puts, gets, errors, in, out);
  }

  @Test
  void theRequestsMadeAreCountedWithTheirErrorsAndBytes() {
    Totals before = totals();
    try (S3Client s3 = SERVER.client()) {
      for (int i = 0; i < 3; i++) {
        int n = i;
        s3.putObject(
            b -> b.bucket("history-it").key("k" + n), RequestBody.fromBytes(new byte[10_000]));
      }
      s3.getObjectAsBytes(b -> b.bucket("history-it").key("k0"));
      s3.getObjectAsBytes(b -> b.bucket("history-it").key("k1"));
      try {
        s3.getObjectAsBytes(b -> b.bucket("history-it").key("missing"));
      } catch (NoSuchKeyException expected) {
        // counted as a 4xx
      }
    }
    Totals after = totals();
    assertThat(after.puts() - before.puts()).isEqualTo(3);
    assertThat(after.gets() - before.gets()).isEqualTo(3);
    assertThat(after.requests() - before.requests()).isEqualTo(6);
    assertThat(after.errors4xx() - before.errors4xx()).isEqualTo(1);
    assertThat(after.bytesIn() - before.bytesIn()).isGreaterThanOrEqualTo(30_000);
    assertThat(after.bytesOut() - before.bytesOut()).isGreaterThanOrEqualTo(20_000);
  }

  @Test
  void theCurrentSlotHasLatencyPercentilesInOrder() {
    try (S3Client s3 = SERVER.client()) {
      s3.listObjectsV2(b -> b.bucket("history-it"));
    }
    JsonNode slots = API.get("/server/history").json().get("slots");
    assertThat(slots.get(slots.size() - 1).get("seconds").asDouble()).isBetween(0.0, 10.0);
    // The newest slot with requests (the list may have ended just before a slot began).
    JsonNode current = null;
    for (JsonNode slot : slots) {
      if (slot.get("requests").asLong() > 0) {
        current = slot;
      }
    }
    assertThat(current).isNotNull();
    double p50 = current.get("latency_p50_ms").asDouble();
    double p90 = current.get("latency_p90_ms").asDouble();
    double p99 = current.get("latency_p99_ms").asDouble();
    assertThat(p50).isPositive();
    assertThat(p90).isGreaterThanOrEqualTo(p50);
    assertThat(p99).isGreaterThanOrEqualTo(p90);
  }
}
