package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PrometheusText;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Prometheus metrics on the console port move by exactly what the requests did. */
class MetricsIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final String REQUESTS = "coffer_s3_requests_total";
  static final String LATENCY = "coffer_s3_request_duration_seconds";

  static PrometheusText scrape() throws Exception {
    return PrometheusText.scrape(coffer.server().consoleEndpoint());
  }

  static String op(String operation) {
    return "operation=\"" + operation + "\"";
  }

  static String status(int status) {
    return "status=\"" + status + "\"";
  }

  @Test
  void requestsLatencyAndBytesMoveByExactlyWhatWasDone() throws Exception {
    URI s3 = coffer.s3Uri();
    PrometheusText before = scrape();
    List<HttpResponse<String>> responses = new ArrayList<>();
    long bytesIn = 0;
    responses.add(RawS3.send(s3, "PUT", "/metrics-bucket", new byte[0]));
    String[] bodies = {"a".repeat(100), "b".repeat(2000), "c".repeat(30_000)};
    for (int i = 0; i < bodies.length; i++) {
      byte[] body = bodies[i].getBytes(StandardCharsets.UTF_8);
      responses.add(RawS3.send(s3, "PUT", "/metrics-bucket/object-" + i, body));
      bytesIn += body.length;
    }
    responses.add(RawS3.send(s3, "GET", "/metrics-bucket/object-1", new byte[0]));
    responses.add(RawS3.send(s3, "GET", "/metrics-bucket/object-2", new byte[0]));
    responses.add(RawS3.send(s3, "GET", "/metrics-bucket/missing", new byte[0]));
    long bytesOut = 0;
    for (HttpResponse<String> response : responses) {
      bytesOut += response.body().getBytes(StandardCharsets.UTF_8).length;
    }
    assertThat(responses)
        .extracting(HttpResponse::statusCode)
        .containsExactly(200, 200, 200, 200, 200, 200, 404);
    PrometheusText after = scrape();

    assertThat(delta(before, after, REQUESTS, op("CreateBucket"), status(200))).isEqualTo(1);
    assertThat(delta(before, after, REQUESTS, op("PutObject"), status(200))).isEqualTo(3);
    assertThat(delta(before, after, REQUESTS, op("GetObject"), status(200))).isEqualTo(2);
    assertThat(delta(before, after, REQUESTS, op("GetObject"), status(404))).isEqualTo(1);
    assertThat(delta(before, after, LATENCY + "_count", op("PutObject"))).isEqualTo(3);
    assertThat(delta(before, after, LATENCY + "_count", op("GetObject"))).isEqualTo(3);
    assertThat(
            delta(before, after, LATENCY + "_bucket", "le=\"+Inf\"", op("GetObject"))
                + delta(before, after, LATENCY + "_bucket", op("GetObject"), "le=\"+Inf\""))
        .as("histogram buckets")
        .isEqualTo(3);
    assertThat(after.value(LATENCY + "_sum", op("PutObject")))
        .isGreaterThan(before.value(LATENCY + "_sum", op("PutObject")));
    assertThat(delta(before, after, "coffer_s3_received_bytes_total")).isEqualTo(bytesIn);
    assertThat(delta(before, after, "coffer_s3_sent_bytes_total")).isEqualTo(bytesOut);
    assertThat(delta(before, after, "coffer_objects_stored")).isEqualTo(3);
    assertThat(delta(before, after, "coffer_bytes_stored")).isEqualTo(bytesIn);

    assertThat(RawS3.send(s3, "DELETE", "/metrics-bucket/object-2", new byte[0]).statusCode())
        .isEqualTo(204);
    PrometheusText deleted = scrape();
    assertThat(delta(after, deleted, "coffer_objects_stored")).isEqualTo(-1);
    assertThat(delta(after, deleted, "coffer_bytes_stored")).isEqualTo(-30_000);
    assertThat(delta(after, deleted, REQUESTS, op("DeleteObject"), status(204))).isEqualTo(1);
  }

  @Test
  void openConnectionsCountsTheConnectionsOnTheS3Port() throws Exception {
    double before = scrape().value("coffer_s3_connections_open");
    try (RawSocket first = new RawSocket(coffer.s3Uri().getPort());
        RawSocket second = new RawSocket(coffer.s3Uri().getPort())) {
      for (RawSocket socket : new RawSocket[] {first, second}) {
        socket.write("GET /coffer/health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(socket.readResponse().status()).isEqualTo(200); // accepted and served
      }
      assertThat(scrape().value("coffer_s3_connections_open")).isEqualTo(before + 2);
    }
    awaitValue("coffer_s3_connections_open", before);
  }

  static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  /** Polls until the server has noticed closed connections (it learns of them asynchronously). */
  static void awaitValue(String name, double expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    double value;
    while ((value = scrape().value(name)) != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(value).isEqualTo(expected);
  }
}
