package io.coffer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.TestWebhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No acknowledged write's event is lost to a crash: with the webhook down, clients write while the
 * server is SIGKILLed at a random moment (twice); after the last restart the webhook comes up, and
 * every write the server acknowledged — before either kill or after — must arrive as an event
 * (duplicates allowed, losses not). Runs in the crash profile: {@code ./mvnw -B verify -Pcrash
 * -Dit.test=NotificationCrashIT}.
 */
@Tag("crash")
class NotificationCrashIT {
  private static final String ACCESS_KEY = "NOTIFYCRASHACCESS001";
  private static final String SECRET_KEY = "notify-crash-secret-key-0123456789abcdef";
  private static final String API_KEY = "notify-crash-api-key-0123456789";
  private static final String BUCKET = "crash-events";
  private static final int WRITERS = 4;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path work;

  private CofferProcess start(Path data) throws Exception {
    return CofferProcess.server(
        data,
        List.of("-Xmx256m"),
        Map.of(
            "COFFER_ACCESS_KEY", ACCESS_KEY,
            "COFFER_SECRET_KEY", SECRET_KEY,
            "COFFER_API_KEY", API_KEY));
  }

  @Test
  void everyAcknowledgedWritesEventArrivesAfterKills() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path data = work.resolve("data");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try (TestWebhook hook = TestWebhook.down()) {
      try (CofferProcess server = start(data);
          S3Client s3 = client(server.s3Uri())) {
        s3.createBucket(b -> b.bucket(BUCKET));
        createTarget(server.consoleUri(), hook);
        s3.putBucketNotificationConfiguration(
            b ->
                b.bucket(BUCKET)
                    .notificationConfiguration(
                        c ->
                            c.queueConfigurations(
                                q ->
                                    q.id("crash")
                                        .queueArn("arn:coffer:sqs::crash-hook:webhook")
                                        .eventsWithStrings("s3:ObjectCreated:*"))));
        writeUntilKilled(server, random, acknowledged, 0);
      }
      try (CofferProcess server = start(data)) {
        writeUntilKilled(server, random, acknowledged, 1);
      }
      try (CofferProcess server = start(data)) {
        hook.up();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!received(hook).containsAll(acknowledged) && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        Set<String> delivered = received(hook);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(delivered);
        System.out.println(
            "notification crash test: "
                + acknowledged.size()
                + " acknowledged, "
                + hook.received().size()
                + " requests, seed "
                + seed);
        assertThat(acknowledged).hasSizeGreaterThan(WRITERS);
        assertThat(lost).as("events lost (seed " + seed + ")").isEmpty();
        server.terminate();
      }
    }
  }

  /** Writers put new keys until the server is SIGKILLed, at a random moment, under them. */
  private void writeUntilKilled(
      CofferProcess server, Random random, Set<String> acknowledged, int round) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    List<S3Client> clients = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      S3Client client = client(server.s3Uri());
      clients.add(client);
      String prefix = "r" + round + "-w" + w + "-";
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; !killed.get(); i++) {
                      String key = prefix + i;
                      try {
                        client.putObject(
                            b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
                        acknowledged.add(key); // only a 200 counts
                      } catch (RuntimeException e) {
                        return; // the server is gone; this write was not acknowledged
                      }
                    }
                  }));
    }
    Thread.sleep(1000 + random.nextInt(1500));
    killed.set(true);
    server.kill();
    for (Thread t : writers) {
      t.join(60_000);
    }
    clients.forEach(S3Client::close);
  }

  private static Set<String> received(TestWebhook hook) {
    return keysIn(hook.received());
  }

  private static Set<String> keysIn(List<TestWebhook.Received> requests) {
    Set<String> keys = new HashSet<>();
    for (TestWebhook.Received r : requests) {
      JsonNode doc = JSON.readTree(r.body());
      if (doc.has("Records")) {
        doc.get("Records").forEach(rec -> keys.add(rec.at("/s3/object/key").asString()));
      }
    }
    return keys;
  }

  private static void createTarget(URI console, TestWebhook hook) throws Exception {
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(console + "/api/v1/notification-targets"))
                .header("X-API-Key", API_KEY)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"id\": \"crash-hook\", \"type\": \"webhook\", \"config\":"
                            + " {\"endpoint\": \""
                            + hook.uri()
                            + "\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static S3Client client(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .overrideConfiguration(
            o -> o.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(60)))
        .build();
  }
}
