package io.coffer.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/trace streams the S3 requests as they complete, filtered, without secrets. */
class TraceIT {
  @RegisterExtension
  static final CofferTestServer SERVER = CofferTestServer.withBuckets("trace-it", "trace-other");

  static final Api API = new Api(SERVER);
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** An open trace: its lines, read by a thread of their own, until closed. */
  static final class Trace implements AutoCloseable {
    final HttpResponse<InputStream> response;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Trace(String query) throws Exception {
      response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(SERVER.apiUri() + "/trace" + query))
                  .header("X-API-Key", CofferTestServer.API_KEY)
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      Thread.ofVirtual()
          .start(
              () -> {
                try (BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                  for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isBlank()) {
                      lines.add(line);
                    }
                  }
                } catch (Exception closed) {
                  // the test closed the stream
                }
              });
    }

    /** The next request line, raw. */
    String nextLine() throws InterruptedException {
      String line = lines.poll(10, TimeUnit.SECONDS);
      assertThat(line).as("a trace line within 10 s").isNotNull();
      return line;
    }

    JsonNode next() throws InterruptedException {
      return JSON.readTree(nextLine());
    }

    void assertNothingMore() throws InterruptedException {
      assertThat(lines.poll(1500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Override
    public void close() throws Exception {
      response.body().close();
    }
  }

  static void awaitListeners(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (SERVER.server().traceListeners() != count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(SERVER.server().traceListeners()).isEqualTo(count);
  }

  @Test
  void aRequestIsTracedWithItsFigures() throws Exception {
    try (Trace trace = new Trace("")) {
      assertThat(trace.response.statusCode()).isEqualTo(200);
      assertThat(trace.response.headers().firstValue("Content-Type"))
          .hasValue("application/x-ndjson");
      SERVER
          .s3()
          .putObject(b -> b.bucket("trace-it").key("a b.txt"), RequestBody.fromString("hello"));
      JsonNode line = trace.next();
      assertThat(line.get("method").asString()).isEqualTo("PUT");
      assertThat(line.get("path").asString()).isEqualTo("/trace-it/a%20b.txt");
      assertThat(line.get("operation").asString()).isEqualTo("PutObject");
      assertThat(line.get("bucket").asString()).isEqualTo("trace-it");
      assertThat(line.get("status").asInt()).isEqualTo(200);
      assertThat(line.get("duration_ms").asDouble()).isPositive();
      assertThat(line.get("bytes_in").asLong()).isGreaterThanOrEqualTo(5);
      assertThat(line.get("client").asString()).startsWith("127.0.0.1");
      assertThat(line.get("access_key").asString()).isEqualTo(CofferTestServer.ACCESS_KEY);
      assertThat(line.get("time").asString()).endsWith("Z");
    }
    awaitListeners(0);
  }

  @Test
  void aPresignedRequestIsTracedWithoutItsSignatureOrCredential() throws Exception {
    SERVER.s3().putObject(b -> b.bucket("trace-it").key("shared"), RequestBody.fromString("x"));
    String url =
        API.post(
                "/presigned-urls",
                Api.json(
                    Map.of(
                        "bucket_name", "trace-it",
                        "object_key", "shared",
                        "access_key", CofferTestServer.ACCESS_KEY)))
            .json()
            .get("url")
            .asString();
    String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
    assertThat(signature).hasSize(64);
    try (Trace trace = new Trace("?bucket=trace-it")) {
      HttpResponse<String> got =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(got.statusCode()).isEqualTo(200);
      String raw = trace.nextLine();
      JsonNode line = JSON.readTree(raw);
      assertThat(line.get("path").asString())
          .startsWith("/trace-it/shared?")
          .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=");
      assertThat(raw)
          .doesNotContain(signature)
          .doesNotContainIgnoringCase("X-Amz-Signature")
          .doesNotContainIgnoringCase("X-Amz-Credential")
          .doesNotContain("hash=")
          .doesNotContain(CofferTestServer.SECRET_KEY);
      assertThat(line.get("access_key").asString()).isEqualTo(CofferTestServer.ACCESS_KEY);
    }
  }

  @Test
  void filtersChooseTheRequests() throws Exception {
    try (Trace puts = new Trace("?method=put&bucket=trace-other");
        Trace errors = new Trace("?status=4xx&prefix=/trace-it/missing")) {
      var s3 = SERVER.s3();
      s3.putObject(b -> b.bucket("trace-it").key("p"), RequestBody.fromString("1"));
      s3.putObject(b -> b.bucket("trace-other").key("q"), RequestBody.fromString("2"));
      s3.getObjectAsBytes(b -> b.bucket("trace-other").key("q"));
      try {
        s3.getObjectAsBytes(b -> b.bucket("trace-it").key("missing/one"));
      } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
        // traced as a 404
      }
      JsonNode put = puts.next();
      assertThat(put.get("method").asString()).isEqualTo("PUT");
      assertThat(put.get("path").asString()).isEqualTo("/trace-other/q");
      puts.assertNothingMore();
      JsonNode error = errors.next();
      assertThat(error.get("status").asInt()).isEqualTo(404);
      assertThat(error.get("path").asString()).isEqualTo("/trace-it/missing/one");
      errors.assertNothingMore();
    }
  }

  @Test
  void aFilterThatMeansNothingIsRefused() {
    for (String query : new String[] {"?status=6xx", "?status=200", "?method=FETCH"}) {
      Api.Reply reply = API.get("/trace" + query);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.json().get("error").asString()).isEqualTo("invalid_request");
    }
  }

  @Test
  void aClientThatLeavesStopsBeingTraced() throws Exception {
    Trace trace = new Trace("");
    awaitListeners(1);
    trace.close();
    awaitListeners(0);
  }
}
