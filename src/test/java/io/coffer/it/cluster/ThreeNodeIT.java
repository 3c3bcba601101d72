package io.coffer.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.it.support.SdkClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Three Coffer processes on one PostgreSQL database and one data directory, on loopback: what the
 * issue promises of several nodes. The nodes start at once (secrets are generated once); the
 * SIGKILL test runs last, since it leaves two nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeIT {
  private static final Pattern CONSOLE = Pattern.compile("Console:\\s+(https?://[^/\\s]+)");
  private static final Duration LEASE_MOVE = Duration.ofSeconds(40);

  @TempDir static Path temp;
  private PostgresDatabase database;
  private final List<CofferProcess> nodes = new ArrayList<>();
  private final List<S3Client> clients = new ArrayList<>();
  private String accessKey;
  private String secretKey;
  private String apiKey;

  @BeforeAll
  void startThreeNodesAtOnce() throws Exception {
    database = PostgresDatabase.create();
    Path data = temp.resolve("data");
    for (int i = 1; i <= 3; i++) {
      nodes.add(
          CofferProcess.run(
              CofferProcess.FAST_START,
              Map.of("COFFER_METADATA", database.url(), "COFFER_NODE_ID", "node-" + i),
              "server",
              "--data",
              data.toString(),
              "--address",
              "127.0.0.1:0",
              "--console-address",
              "127.0.0.1:0"));
    }
    for (CofferProcess node : nodes) {
      node.awaitLine(CONSOLE, Duration.ofSeconds(120));
    }
    // One admin credential and one API key for all three, shown by the node that made them.
    List<CofferProcess> showedSecret =
        nodes.stream().filter(n -> n.stdout().contains("Secret key:")).toList();
    List<CofferProcess> showedApiKey =
        nodes.stream().filter(n -> n.stdout().contains("API key:")).toList();
    assertThat(showedSecret).hasSize(1);
    assertThat(showedApiKey).hasSize(1);
    accessKey = group(showedSecret.get(0), "Access key:\\s+(\\S+)");
    secretKey = group(showedSecret.get(0), "Secret key:\\s+(\\S+)");
    apiKey = group(showedApiKey.get(0), "API key:\\s+(\\S+)");
    Path internal = data.resolve(".coffer");
    try (Stream<Path> files = Files.list(internal)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("one master key and one API key file, no temporary files left")
          .contains("master.key", "api-key.sha256")
          .noneMatch(name -> name.startsWith("master.key.") || name.startsWith("api-key.sha256."));
    }
    for (CofferProcess node : nodes) {
      clients.add(SdkClients.of(node.s3Uri(), accessKey, secretKey));
    }
  }

  private static String group(CofferProcess node, String pattern) throws InterruptedException {
    return node.awaitLine(Pattern.compile(pattern), Duration.ofSeconds(1)).group(1);
  }

  @AfterAll
  void stop() {
    clients.forEach(S3Client::close);
    nodes.forEach(CofferProcess::close);
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1)
  void aSecondProcessWithATakenNodeIdRefusesToStart() throws Exception {
    try (CofferProcess twin =
        CofferProcess.run(
            CofferProcess.FAST_START,
            Map.of("COFFER_METADATA", database.url(), "COFFER_NODE_ID", "node-1"),
            "server",
            "--data",
            temp.resolve("data").toString(),
            "--address",
            "127.0.0.1:0",
            "--console-address",
            "127.0.0.1:0")) {
      assertThat(twin.awaitExit()).isNotZero();
      assertThat(twin.stderr()).contains("node ID node-1 is in use");
    }
  }

  @Test
  @Order(2)
  void writesThroughOneNodeAreReadThroughTheOthers() {
    clients.get(0).createBucket(b -> b.bucket("shared"));
    for (int i = 0; i < 20; i++) {
      String key = "docs/file-" + i;
      clients.get(i % 3).putObject(b -> b.bucket("shared").key(key), RequestBody.fromString(key));
    }
    for (int i = 0; i < 20; i++) {
      String key = "docs/file-" + i;
      S3Client reader = clients.get((i + 1) % 3);
      assertThat(reader.getObjectAsBytes(b -> b.bucket("shared").key(key)).asUtf8String())
          .isEqualTo(key);
    }
    // an overwrite through one node is what the others read next
    clients
        .get(2)
        .putObject(b -> b.bucket("shared").key("docs/file-0"), RequestBody.fromString("v2"));
    assertThat(
            clients
                .get(0)
                .getObjectAsBytes(b -> b.bucket("shared").key("docs/file-0"))
                .asUtf8String())
        .isEqualTo("v2");
    for (S3Client client : clients) {
      assertThat(client.listObjectsV2(b -> b.bucket("shared").prefix("docs/")).contents().size())
          .isEqualTo(20);
      assertThat(client.listBuckets().buckets()).extracting(b -> b.name()).contains("shared");
    }
  }

  @Test
  @Order(2)
  void anOverwrittenObjectsFileOutlivesTheOverwriteForReadersOnOtherNodes() throws Exception {
    clients.get(0).createBucket(b -> b.bucket("deferred"));
    byte[] first = new byte[300 * 1024]; // above the inline threshold: a file of its own
    java.util.Arrays.fill(first, (byte) 'a');
    clients.get(0).putObject(b -> b.bucket("deferred").key("big"), RequestBody.fromBytes(first));
    Path buckets = temp.resolve("data").resolve("buckets");
    List<Path> before = blobFiles(buckets);
    try (var reading = clients.get(1).getObject(b -> b.bucket("deferred").key("big"))) {
      byte[] start = reading.readNBytes(1024); // a GET on node 2 has begun
      byte[] second = new byte[300 * 1024];
      java.util.Arrays.fill(second, (byte) 'b');
      clients.get(2).putObject(b -> b.bucket("deferred").key("big"), RequestBody.fromBytes(second));
      byte[] rest = reading.readAllBytes();
      assertThat(start.length + rest.length).isEqualTo(first.length);
      assertThat(rest).containsOnly((byte) 'a');
    }
    // the replaced file stays for the grace period, recorded for the leased clean-up
    assertThat(blobFiles(buckets)).containsAll(before);
    try (Connection c = database.connect();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM released_blobs");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isPositive();
    }
    assertThat(clients.get(0).getObjectAsBytes(b -> b.bucket("deferred").key("big")).asByteArray())
        .containsOnly((byte) 'b');
  }

  private static List<Path> blobFiles(Path buckets) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(buckets)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  @Order(3)
  void sixteenRacingCreateOnlyPutsThroughThreeNodesHaveOneWinner() throws Exception {
    clients.get(0).createBucket(b -> b.bucket("race"));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int writer = i;
        S3Client via = clients.get(i % 3);
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    via.putObject(
                        b -> b.bucket("race").key("once").ifNoneMatch("*"),
                        RequestBody.fromString("writer-" + writer));
                    return writer;
                  } catch (S3Exception e) {
                    assertThat(e.statusCode()).isIn(409, 412);
                    return -1;
                  }
                }));
      }
      go.countDown();
      List<Integer> winners = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        int w = answer.get();
        if (w >= 0) {
          winners.add(w);
        }
      }
      assertThat(winners).hasSize(1);
      for (S3Client client : clients) {
        assertThat(client.getObjectAsBytes(b -> b.bucket("race").key("once")).asUtf8String())
            .isEqualTo("writer-" + winners.get(0));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(4)
  void onlyTheNodeHoldingTheDeliveryLeaseReportsATargetsDeliveryTheOthersSayStandby()
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    management(
        http,
        0,
        "POST",
        "/api/v1/notification-targets",
        "{\"id\":\"hooks\",\"type\":\"webhook\",\"config\":{\"endpoint\":\"http://127.0.0.1:9/\"}}");
    String holder = leaseHolder("notification-delivery");
    for (int i = 0; i < nodes.size(); i++) {
      String status = management(http, i, "GET", "/api/v1/notification-targets/hooks", "");
      String state = json(status.substring(status.indexOf("\"status\"")), "state");
      if (holder.equals("node-" + (i + 1))) {
        assertThat(state).as("the lease holder, node-" + (i + 1)).isIn("idle", "online", "offline");
      } else {
        assertThat(state).as("node-" + (i + 1) + "; the lease is " + holder).isEqualTo("standby");
      }
    }
    management(http, 0, "DELETE", "/api/v1/notification-targets/hooks", "");
  }

  @Test
  @Order(4)
  void aCredentialDisabledThroughOneNodeIsRefusedByTheOthersWithinASecond() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String created =
        management(
            http,
            0,
            "POST",
            "/api/v1/credentials",
            "{\"user_name\":\"disabled-soon\",\"policies\":[\"readwrite\"]}");
    String id = json(created, "id");
    String key = json(created, "access_key");
    String secret = json(created, "secret_key");
    List<S3Client> asUser = new ArrayList<>();
    try {
      for (CofferProcess node : nodes) {
        asUser.add(SdkClients.of(node.s3Uri(), key, secret));
      }
      clients.get(0).createBucket(b -> b.bucket("credentials"));
      for (S3Client client : asUser) { // each node has it cached now
        client.headBucket(b -> b.bucket("credentials"));
      }
      management(http, 0, "PUT", "/api/v1/credentials/" + id, "{\"is_active\":false}");
      long disabledAt = System.nanoTime();
      for (int n = 1; n < 3; n++) {
        S3Client client = asUser.get(n);
        while (true) {
          try {
            client.headBucket(b -> b.bucket("credentials"));
          } catch (S3Exception refused) {
            assertThat(refused.statusCode()).isEqualTo(403);
            break;
          }
          assertThat(Duration.ofNanos(System.nanoTime() - disabledAt))
              .as("node-" + (n + 1) + " still accepts the disabled credential")
              .isLessThan(Duration.ofSeconds(1));
          Thread.sleep(20);
        }
      }
    } finally {
      asUser.forEach(S3Client::close);
    }
  }

  @Test
  @Order(5)
  void sigkillOfOneNodeUnderLoadLosesNoAcknowledgedWriteAndTheLifecycleLeaseMoves()
      throws Exception {
    String lifecycleHolder = leaseHolder("lifecycle");
    assertThat(lifecycleHolder).isIn("node-1", "node-2", "node-3");
    int victim = Integer.parseInt(lifecycleHolder.substring("node-".length())) - 1;
    clients.get(0).createBucket(b -> b.bucket("load"));

    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger survivorFailures = new AtomicInteger();
    AtomicInteger survivorWritesAfterKill = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      int writer = w;
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  int node = (writer + i) % 3;
                  String key = "w" + writer + "/" + i;
                  String body = key + "@node-" + (node + 1);
                  boolean afterKill = killed.get();
                  try {
                    clients
                        .get(node)
                        .putObject(b -> b.bucket("load").key(key), RequestBody.fromString(body));
                    acknowledged.put(key, body);
                    if (afterKill && node != victim) {
                      survivorWritesAfterKill.incrementAndGet();
                    }
                  } catch (RuntimeException e) {
                    if (node != victim) {
                      survivorFailures.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    Thread.sleep(2_000);
    nodes.get(victim).kill();
    killed.set(true);
    Thread.sleep(3_000);
    stop.set(true);
    for (Future<?> writer : writers) {
      writer.get();
    }
    pool.shutdown();

    assertThat(survivorFailures.get()).as("writes the surviving nodes refused").isZero();
    assertThat(survivorWritesAfterKill.get()).isPositive();
    S3Client survivor = clients.get((victim + 1) % 3);
    assertThat(acknowledged).hasSizeGreaterThan(10);
    acknowledged.forEach(
        (key, body) ->
            assertThat(survivor.getObjectAsBytes(b -> b.bucket("load").key(key)).asUtf8String())
                .as(key)
                .isEqualTo(body));

    long deadline = System.nanoTime() + LEASE_MOVE.toNanos();
    String holder = leaseHolder("lifecycle");
    // expired first (nobody for up to a third of the time to live), then a survivor's
    while ((holder.isEmpty() || holder.equals(lifecycleHolder)) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      holder = leaseHolder("lifecycle");
    }
    assertThat(holder).isNotEqualTo(lifecycleHolder).isIn("node-1", "node-2", "node-3");
  }

  /** The live holder of a lease, or "" when nobody holds it now. */
  private String leaseHolder(String lease) throws Exception {
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT holder FROM leases WHERE name = ?"
                    + " AND expires_at > (extract(epoch from clock_timestamp()) * 1000)::bigint")) {
      ps.setString(1, lease);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  private String management(HttpClient http, int node, String method, String path, String body)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(nodes.get(node).consoleUri() + path))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isLessThan(300);
    return response.body();
  }

  /** A top-level string or number field of a JSON object (enough for these answers). */
  private static String json(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+))").matcher(body);
    assertThat(m.find()).as(field + " in " + body).isTrue();
    return m.group(2) != null ? m.group(2) : m.group(3);
  }
}
