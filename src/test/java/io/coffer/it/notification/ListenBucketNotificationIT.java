package io.coffer.it.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import io.coffer.server.CofferServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * MinIO's ListenBucketNotification ({@code mc watch}): a signed GET whose answer streams one line
 * of JSON per matching event, with blanks (or empty-record pings) between them.
 */
class ListenBucketNotificationIT {
  private static final String BUCKET = "watched";

  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);

  /** Reads a listen stream on its own thread: every byte, and the JSON lines. */
  static final class Stream implements AutoCloseable {
    final HttpResponse<InputStream> response;
    final StringBuilder raw = new StringBuilder();
    final Thread reader;

    Stream(HttpResponse<InputStream> response) {
      this.response = response;
      this.reader =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    try (InputStream in = response.body()) {
                      byte[] buf = new byte[8192];
                      int n;
                      while ((n = in.read(buf)) >= 0) {
                        synchronized (raw) {
                          raw.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                          raw.notifyAll();
                        }
                      }
                    } catch (Exception ended) {
                      // closed by the test
                    }
                  });
    }

    String raw() {
      synchronized (raw) {
        return raw.toString();
      }
    }

    /** The JSON lines received so far, parsed (keep-alive blanks skipped). */
    List<JsonNode> documents() {
      List<JsonNode> docs = new ArrayList<>();
      for (String line : raw().split("\n")) {
        if (!line.isBlank()) {
          docs.add(Notifications.JSON.readTree(line.strip()));
        }
      }
      return docs;
    }

    List<JsonNode> awaitRecords(int count, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode doc : documents()) {
          doc.get("Records").forEach(records::add);
        }
        if (records.size() >= count || System.nanoTime() > deadline) {
          return records;
        }
        Thread.sleep(50);
      }
    }

    @Override
    public void close() throws Exception {
      response.body().close();
      reader.interrupt();
    }
  }

  private static Stream listen(String... query) throws Exception {
    SignedHttp request = SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, null);
    for (int i = 0; i < query.length; i += 2) {
      request.query(query[i], query[i + 1]);
    }
    HttpResponse<InputStream> response = request.open();
    assertThat(response.statusCode()).isEqualTo(200);
    return new Stream(response);
  }

  @Test
  void streamsTheMatchingEventsAsTheyHappen() throws Exception {
    try (Stream stream =
        listen("events", "s3:ObjectCreated:*", "prefix", "photos/", "suffix", ".jpg")) {
      assertThat(stream.response.headers().firstValue("Content-Type"))
          .hasValue("text/event-stream");
      put("photos/a b.jpg");
      put("photos/b.png"); // suffix does not match
      put("other/c.jpg"); // prefix does not match
      coffer.s3().deleteObject(b -> b.bucket(BUCKET).key("photos/a b.jpg")); // not asked for
      put("photos/d.jpg");
      List<JsonNode> records = stream.awaitRecords(2, Duration.ofSeconds(20));
      Thread.sleep(500); // nothing else arrives
      records = stream.awaitRecords(2, Duration.ZERO);
      assertThat(records).hasSize(2);
      assertThat(records.get(0).get("eventName").asString()).isEqualTo("ObjectCreated:Put");
      assertThat(records.get(0).at("/s3/bucket/name").asString()).isEqualTo(BUCKET);
      assertThat(records.get(0).at("/s3/object/key").asString()).isEqualTo("photos/a+b.jpg");
      assertThat(records.get(0).at("/s3/object/size").asLong()).isEqualTo(1);
      assertThat(records.get(1).at("/s3/object/key").asString()).isEqualTo("photos/d.jpg");
      assertThat(records.get(0).at("/s3/object/sequencer").asString())
          .isLessThan(records.get(1).at("/s3/object/sequencer").asString());
    }
  }

  @Test
  void aQuietStreamSendsMinIosBlankKeepAlive() throws Exception {
    try (Stream stream = listen("events", "s3:ObjectRemoved:*")) {
      Thread.sleep(1600);
      String raw = stream.raw();
      assertThat(raw).isNotEmpty().isBlank(); // blanks only: at least one keep-alive, no event
    }
  }

  @Test
  void withPingEmptyRecordLinesInstead() throws Exception {
    try (Stream stream = listen("events", "s3:ObjectRemoved:*", "ping", "1")) {
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (stream.documents().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(stream.documents()).isNotEmpty();
      assertThat(stream.documents().get(0).get("Records").size()).isZero();
    }
  }

  @Test
  void removalsAreReportedToo() throws Exception {
    put("gone");
    try (Stream stream = listen("events", "s3:ObjectRemoved:*")) {
      coffer.s3().deleteObject(b -> b.bucket(BUCKET).key("gone"));
      List<JsonNode> records = stream.awaitRecords(1, Duration.ofSeconds(20));
      assertThat(records).hasSize(1);
      assertThat(records.get(0).get("eventName").asString()).isEqualTo("ObjectRemoved:Delete");
    }
  }

  @Test
  void aClientThatGoesAwayStopsListening() throws Exception {
    Stream stream = listen("events", "s3:ObjectCreated:*");
    assertThat(coffer.server().liveListeners()).isPositive();
    stream.close();
    // The next keep-alive (half a second) fails to write and closes the listener; the other
    // tests' streams, closed too, go the same way.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (coffer.server().liveListeners() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(coffer.server().liveListeners()).isZero();
  }

  @Test
  void aStoppingServerEndsTheStreamsAtOnce() throws Exception {
    Path data = Files.createTempDirectory("coffer-listen-");
    CofferServer server =
        CofferServer.start(
            ServerConfig.forTests(data)
                .withCredentials(
                    CofferTestServer.ACCESS_KEY,
                    CofferTestServer.SECRET_KEY,
                    CofferTestServer.API_KEY));
    try {
      URI endpoint = URI.create(server.s3Endpoint());
      assertThat(SignedHttp.request(endpoint, "PUT", "short-lived", null).send().statusCode())
          .isEqualTo(200);
      HttpResponse<InputStream> response =
          SignedHttp.request(endpoint, "GET", "short-lived", null)
              .query("events", "s3:ObjectCreated:*")
              .open();
      assertThat(response.statusCode()).isEqualTo(200);
      Stream stream = new Stream(response);
      long started = System.nanoTime();
      server.close(); // the shutdown grace is 10 s: a stream holding it would take that long
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      stream.reader.join(5_000);
      assertThat(stream.reader.isAlive()).as("the stream ended").isFalse();
    } finally {
      server.close();
      CofferTestServer.deleteRecursively(data);
    }
  }

  @Test
  void anUnsignedRequestIsRefused() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(coffer.s3Uri() + "/" + BUCKET + "?events=s3:ObjectCreated:*"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>AccessDenied</Code>");
  }

  @Test
  void badRequestsAreS3Errors() throws Exception {
    assertError(
        SignedHttp.request(coffer.s3Uri(), "GET", "no-such-bucket-here", null)
            .query("events", "s3:ObjectCreated:*"),
        404,
        "NoSuchBucket");
    assertError(
        SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, null).query("events", "s3:Nope"),
        400,
        "InvalidArgument");
    assertError(
        SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, null)
            .query("events", "s3:ObjectAccessed:*"),
        501,
        "NotImplemented");
  }

  private static void assertError(SignedHttp request, int status, String code) throws Exception {
    HttpResponse<byte[]> response = request.send();
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(SignedHttp.errorCode(response)).isEqualTo(code);
  }

  private static void put(String key) {
    coffer.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("x"));
  }
}
