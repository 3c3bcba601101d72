package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PrometheusText;
import io.coffer.it.support.RawS3;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Small GETs answered on the event loop, as the metrics count them. On SQLite only, whatever store
 * the run is on: the PostgreSQL store keeps no object cache, so there nothing is attempted.
 */
class EventLoopReadsIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer().onSqlite();

  private static PrometheusText scrape() throws Exception {
    return PrometheusText.scrape(coffer.server().consoleEndpoint());
  }

  /**
   * A GET or HEAD of a small object the store has in memory is answered on the event loop; the
   * first read after a write, and any object kept in a file, start over on a virtual thread.
   */
  @Test
  void readsOfObjectsInMemoryAreAnsweredOnTheEventLoop() throws Exception {
    String attempts = "coffer_s3_event_loop_attempts_total";
    URI s3 = coffer.s3Uri();
    byte[] small = "small".repeat(20).getBytes(StandardCharsets.UTF_8);
    byte[] large = new byte[200 * 1024];
    assertThat(RawS3.send(s3, "PUT", "/loop-bucket", new byte[0]).statusCode()).isEqualTo(200);
    assertThat(RawS3.send(s3, "PUT", "/loop-bucket/small", small).statusCode()).isEqualTo(200);
    assertThat(RawS3.send(s3, "PUT", "/loop-bucket/large", large).statusCode()).isEqualTo(200);
    PrometheusText before = scrape();

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> got = RawS3.send(s3, "GET", "/loop-bucket/small", new byte[0]);
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.body()).isEqualTo(new String(small, StandardCharsets.UTF_8));
      assertThat(got.headers().firstValue("x-amz-request-id")).isPresent();
    }
    assertThat(RawS3.send(s3, "HEAD", "/loop-bucket/small", new byte[0]).statusCode())
        .isEqualTo(200);
    HttpResponse<String> blob = RawS3.send(s3, "GET", "/loop-bucket/large", new byte[0]);
    assertThat(blob.statusCode()).isEqualTo(200);
    assertThat(blob.body()).hasSize(large.length);
    PrometheusText after = scrape();

    // the first GET reads the store (and fills its cache), the later ones and the HEAD do not
    assertThat(MetricsIT.delta(before, after, attempts, "outcome=\"answered\"")).isEqualTo(3);
    assertThat(MetricsIT.delta(before, after, attempts, "outcome=\"started_over\"")).isEqualTo(2);
    assertThat(
            MetricsIT.delta(
                before,
                after,
                MetricsIT.REQUESTS,
                MetricsIT.op("GetObject"),
                MetricsIT.status(200)))
        .isEqualTo(4);
    assertThat(
            MetricsIT.delta(
                before,
                after,
                MetricsIT.REQUESTS,
                MetricsIT.op("HeadObject"),
                MetricsIT.status(200)))
        .isEqualTo(1);
  }
}
