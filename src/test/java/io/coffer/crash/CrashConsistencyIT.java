package io.coffer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.it.support.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills a real server with SIGKILL at random moments while clients write, restarts it on the same
 * data directory and checks that every acknowledged write and delete survived exactly, that no key
 * shows partial or mixed content, and that start-up leaves no temporary or unreferenced blob files.
 * Three of the four key-writing threads encrypt (SSE-S3, SSE-KMS, SSE-C): after a kill, every key
 * reads back whole and authenticated, never a half-written encrypted blob. Runs in its own profile:
 * {@code ./mvnw -B verify -Pcrash}.
 */
@Tag("crash")
class CrashConsistencyIT {
  private static final String ACCESS_KEY = "CRASHTESTACCESSKEY01";
  private static final String SECRET_KEY = "crash-test-secret-key-0123456789abcdefgh";
  private static final String API_KEY = "crash-api-key-0123456789";
  private static final int THREADS = 4;
  private static final int KEYS_PER_THREAD = 12;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path work;

  @Test
  void acknowledgedWritesSurviveSigkill() throws Exception {
    int cycles = Integer.getInteger("coffer.crash.cycles", 20);
    long seed = Long.getLong("coffer.crash.seed", System.nanoTime());
    System.out.println("crash test: " + cycles + " kills, seed " + seed);
    Random random = new Random(seed);
    Path data = work.resolve("data");
    // on PostgreSQL (coffer.it.metadata=postgres, the crash profile's second run): a database of
    // its own, and one node ID, so that each restart is the same node coming back
    database = TestStore.postgres() ? PostgresDatabase.create() : null;
    Map<String, String> env = new java.util.HashMap<>(baseEnv());
    if (database != null) {
      env.put("COFFER_METADATA", database.url());
      env.put("COFFER_NODE_ID", "crash-node");
      // released and orphaned files go a second after a restart, not an hour
      env.put("COFFER_BLOB_GRACE_SECONDS", "1");
    }
    runCycles(data, env, cycles, seed, random);
  }

  private @Nullable PostgresDatabase database;

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private static Map<String, String> baseEnv() {
    return Map.of(
        "COFFER_ACCESS_KEY",
        ACCESS_KEY,
        "COFFER_SECRET_KEY",
        SECRET_KEY,
        "COFFER_API_KEY",
        API_KEY,
        // the SSE-C thread's writes, over the test's plain HTTP
        "COFFER_ALLOW_SSE_C_OVER_HTTP",
        "true");
  }

  private void runCycles(Path data, Map<String, String> env, int cycles, long seed, Random random)
      throws Exception {
    List<List<KeyModel>> keysByThread = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<KeyModel> keys = new ArrayList<>();
      for (int k = 0; k < KEYS_PER_THREAD; k++) {
        keys.add(new KeyModel("t" + t + "/" + (k % 3 == 0 ? "dir ü+%/" : "") + "key-" + k));
      }
      keysByThread.add(keys);
    }
    AtomicLong generations = new AtomicLong();
    CrashCounts counts = new CrashCounts();
    try (CofferProcess first = CofferProcess.server(data, List.of("-Xmx256m"), env);
        S3Client setup = client(first.s3Uri())) {
      setup.createBucket(r -> r.bucket(CrashWorkload.BUCKET));
      VersionedWorkload.createBucket(setup);
      setup.createBucket(r -> r.bucket(AccessWorkload.BUCKET));
    }
    VersionedWorkload versioned = null;
    AccessWorkload access = null;
    for (int cycle = 0; cycle < cycles; cycle++) {
      long cycleStart = System.nanoTime();
      AtomicBoolean killed = new AtomicBoolean();
      List<CrashWorkload> workloads = new ArrayList<>();
      BucketChurn churn;
      try (CofferProcess server = CofferProcess.server(data, List.of("-Xmx256m"), env)) {
        List<S3Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          S3Client client = client(server.s3Uri());
          clients.add(client);
          CrashWorkload w =
              new CrashWorkload(
                  client,
                  keysByThread.get(t),
                  random.nextLong(),
                  killed,
                  generations,
                  SseMode.forThread(t));
          workloads.add(w);
          threads.add(Thread.ofPlatform().name("crash-client-" + t).start(w));
        }
        S3Client churnClient = client(server.s3Uri());
        clients.add(churnClient);
        churn = new BucketChurn(churnClient, random.nextLong(), killed);
        threads.add(Thread.ofPlatform().name("crash-bucket-churn").start(churn));
        S3Client versionedClient = client(server.s3Uri());
        clients.add(versionedClient);
        versioned =
            versioned == null
                ? new VersionedWorkload(versionedClient, random.nextLong(), killed)
                : versioned.next(versionedClient, random.nextLong(), killed);
        threads.add(Thread.ofPlatform().name("crash-versioned").start(versioned));
        S3Client accessClient = client(server.s3Uri());
        clients.add(accessClient);
        access =
            access == null
                ? new AccessWorkload(accessClient, random.nextLong(), killed)
                : access.next(accessClient, random.nextLong(), killed);
        threads.add(Thread.ofPlatform().name("crash-access").start(access));
        Thread.sleep(1000 + random.nextInt(3000));
        killed.set(true);
        server.kill();
        for (Thread t : threads) {
          t.join(Duration.ofSeconds(60));
        }
        clients.forEach(S3Client::close);
      }
      long acknowledged = 0;
      for (CrashWorkload w : workloads) {
        assertThat(w.failures)
            .as("client errors while the server was up (seed %d)", seed)
            .isEmpty();
        acknowledged += w.acknowledged.get();
      }
      assertThat(churn.failures)
          .as("bucket churn errors while the server was up (seed %d)", seed)
          .isEmpty();
      assertThat(versioned.failures)
          .as("versioned workload errors while the server was up (seed %d)", seed)
          .isEmpty();
      assertThat(access.failures)
          .as("access workload errors while the server was up (seed %d)", seed)
          .isEmpty();
      counts.acknowledged += acknowledged;
      counts.versionedAcknowledged += versioned.acknowledged.get();
      counts.accessAcknowledged += access.acknowledged.get();
      System.out.printf(
          "crash test: cycle %d, %d acknowledged, %d versioned, %d access settings and tags,"
              + " %d bucket re-creations, %d ms%n",
          cycle + 1,
          acknowledged,
          versioned.acknowledged.get(),
          access.acknowledged.get(),
          churn.cycles,
          (System.nanoTime() - cycleStart) / 1_000_000);
      counts.kills++;
      try (CofferProcess server = CofferProcess.server(data, List.of("-Xmx256m"), env);
          S3Client client = client(server.s3Uri())) {
        verify(client, data, keysByThread, churn, versioned, access, counts, seed);
        verifyStats(server.consoleUri(), client, versioned, access, data, seed);
      }
    }
    System.out.println("crash test: " + counts);
    assertThat(counts.kills).isEqualTo(cycles);
    assertThat(counts.acknowledged).isGreaterThan(cycles);
  }

  /**
   * Checks every key against its model, the listing, and the files on disk; then settles the model.
   */
  private static void verify(
      S3Client client,
      Path data,
      List<List<KeyModel>> keysByThread,
      BucketChurn churn,
      VersionedWorkload versioned,
      AccessWorkload access,
      CrashCounts counts,
      long seed)
      throws Exception {
    long expectedBlobs = 0;
    List<String> present = new ArrayList<>();
    for (List<KeyModel> keys : keysByThread) {
      for (KeyModel key : keys) {
        ObjectState observed = read(client, key.key);
        assertThat(key.settle(observed))
            .as(
                "key %s shows %s but only %s were ever acknowledged or in flight (seed %d)",
                key.key, observed, key.allowed(), seed)
            .isTrue();
        counts.keysChecked++;
        if (observed.exists()) {
          present.add(key.key);
          expectedBlobs += key.current().blobCount();
        }
      }
    }
    List<String> listed =
        client.listObjectsV2Paginator(r -> r.bucket(CrashWorkload.BUCKET)).contents().stream()
            .map(S3Object::key)
            .toList();
    assertThat(listed).as("listing after restart").containsExactlyInAnyOrderElementsOf(present);
    List<MultipartUpload> uploads =
        client.listMultipartUploads(r -> r.bucket(CrashWorkload.BUCKET)).uploads();
    for (MultipartUpload upload : uploads) {
      expectedBlobs +=
          client
              .listParts(
                  r -> r.bucket(CrashWorkload.BUCKET).key(upload.key()).uploadId(upload.uploadId()))
              .parts()
              .size();
    }
    assertThat(countFiles(data.resolve(".coffer").resolve("tmp")))
        .as("temporary files after start-up")
        .isZero();
    expectedBlobs += churn.verify(client, seed);
    long versionedBlobs = versioned.verify(client, seed);
    expectedBlobs += versionedBlobs;
    counts.versionsChecked += versioned.all().size();
    expectedBlobs += access.verify(client, client.listBuckets().owner().id(), seed);
    counts.accessChecks += 1 + access.currentObjects();
    // Blobs live in <data>/buckets/<bucket id>/ab/cd/<blob id>: one folder per live bucket, none
    // left of a deleted one (the churn bucket's deletions, some interrupted by the kill).
    Path buckets = data.resolve("buckets");
    int liveBuckets = client.listBuckets().buckets().size();
    awaitCleanUp(buckets, expectedBlobs, liveBuckets);
    assertThat(countFiles(buckets))
        .as(
            "blob files = blobs of current objects + parts of open uploads + blobs of every"
                + " version, in all four buckets (seed %d)",
            seed)
        .isEqualTo(expectedBlobs);
    // no folder at all before the first blob (a cycle that acknowledged only small objects)
    assertThat(countFolders(buckets))
        .as("bucket folders after start-up, at most one per live bucket (seed %d)", seed)
        .isLessThanOrEqualTo(liveBuckets);
    churn.reset(client);
    counts.blobsChecked += expectedBlobs;
    for (MultipartUpload upload : uploads) {
      client.abortMultipartUpload(
          r -> r.bucket(CrashWorkload.BUCKET).key(upload.key()).uploadId(upload.uploadId()));
      counts.uploadsLeftOpen++;
    }
  }

  /**
   * The management API's counters must equal a recount of what the S3 API shows, and a recount of
   * the metadata tables: objects are the current versions that are objects (the objects table),
   * bytes are every version's (objects and object_versions).
   */
  private void verifyStats(
      URI console,
      S3Client client,
      VersionedWorkload versioned,
      AccessWorkload access,
      Path data,
      long seed)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(console.resolve("/api/v1/stats"))
                .header("X-API-Key", API_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode stats = JSON.readTree(response.body());
    List<S3Object> objects =
        client.listObjectsV2Paginator(r -> r.bucket(CrashWorkload.BUCKET)).contents().stream()
            .toList();
    long uploads =
        client.listMultipartUploads(r -> r.bucket(CrashWorkload.BUCKET)).uploads().size();
    long versionBytes = versioned.all().stream().mapToLong(VersionedWorkload.Version::size).sum();
    assertThat(stats.get("objects").asLong())
        .as("objects counter (seed %d)", seed)
        .isEqualTo(objects.size() + versioned.currentObjects() + access.currentObjects());
    assertThat(stats.get("total_storage").asLong())
        .as("bytes counter (seed %d)", seed)
        .isEqualTo(
            objects.stream().mapToLong(S3Object::size).sum() + versionBytes + access.bytes());
    try (Connection db =
            database != null
                ? database.connect()
                : DriverManager.getConnection(
                    "jdbc:sqlite:" + data.resolve(".coffer").resolve("metadata.db"));
        Statement s = db.createStatement()) {
      assertThat(stats.get("objects").asLong())
          .as("objects counter against the objects table (seed %d)", seed)
          .isEqualTo(single(s, "SELECT count(*) FROM objects"));
      assertThat(stats.get("total_storage").asLong())
          .as("bytes counter against objects + object_versions (seed %d)", seed)
          .isEqualTo(
              single(
                  s,
                  "SELECT (SELECT coalesce(sum(size), 0) FROM objects)"
                      + " + (SELECT coalesce(sum(size), 0) FROM object_versions)"));
      try (ResultSet rs =
          s.executeQuery(
              "SELECT name, "
                  + (database != null
                      // PostgreSQL: a bucket's count and size are its striped counter rows
                      ? "(SELECT coalesce(sum(objects), 0) FROM bucket_counters c"
                          + " WHERE c.bucket_id = b.id),"
                          + " (SELECT coalesce(sum(bytes), 0) FROM bucket_counters c"
                          + " WHERE c.bucket_id = b.id),"
                      : "object_count, total_size,")
                  + " (SELECT count(*) FROM objects o WHERE o.bucket = b.name),"
                  + " (SELECT coalesce(sum(size), 0) FROM objects o WHERE o.bucket = b.name)"
                  + " + (SELECT coalesce(sum(size), 0) FROM object_versions v"
                  + " WHERE v.bucket = b.name) FROM buckets b")) {
        while (rs.next()) {
          assertThat(rs.getLong(2))
              .as("object_count of bucket %s (seed %d)", rs.getString(1), seed)
              .isEqualTo(rs.getLong(4));
          assertThat(rs.getLong(3))
              .as("total_size of bucket %s (seed %d)", rs.getString(1), seed)
              .isEqualTo(rs.getLong(5));
        }
      }
    }
    assertThat(stats.get("active_multipart_uploads").asLong())
        .as("uploads counter (seed %d)", seed)
        .isEqualTo(uploads);
    assertThat(stats.get("buckets").asLong()).isEqualTo(3);
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Reads a key whole, as its thread wrote it (with the SSE-C key for thread 3's): an encrypted
   * blob cut short or altered by the kill would fail authentication here and fail the test.
   */
  private static ObjectState read(S3Client client, String key) throws Exception {
    SseMode sse = SseMode.forKey(key);
    try (ResponseInputStream<GetObjectResponse> in =
        client.getObject(r -> sse.get(r).bucket(CrashWorkload.BUCKET).key(key))) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        size += n;
      }
      GetObjectResponse meta = in.response();
      assertThat(sse.matches(meta)).as("%s is encrypted as %s", key, sse).isTrue();
      return new ObjectState(
          HexFormat.of().formatHex(sha.digest()),
          size,
          meta.contentType(),
          meta.metadata().get("gen"),
          0);
    } catch (NoSuchKeyException e) {
      return ObjectState.ABSENT;
    }
  }

  /**
   * On PostgreSQL, released files and files a killed write left behind are deleted by the leased
   * clean-up a grace period (here one second) after the restart, not during it, and so is the
   * folder of a bucket whose deletion the kill cut short (on SQLite start-up removes them). On
   * both, what the checks since the restart released goes on a background thread after their
   * replies. Wait for that; the assertions after this say what is left.
   */
  private static void awaitCleanUp(Path buckets, long expectedFiles, int liveBuckets)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!cleanedUp(buckets, expectedFiles, liveBuckets) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private static boolean cleanedUp(Path buckets, long expectedFiles, int liveBuckets)
      throws Exception {
    try {
      return countFiles(buckets) == expectedFiles && countFolders(buckets) <= liveBuckets;
    } catch (java.io.UncheckedIOException deletedWhileWalked) {
      return false; // the walk met a file or folder deleted meanwhile
    }
  }

  private static long countFolders(Path buckets) throws Exception {
    if (!Files.exists(buckets)) {
      return 0;
    }
    try (Stream<Path> folders = Files.list(buckets)) {
      return folders.count();
    }
  }

  private static long countFiles(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
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

  private static final class CrashCounts {
    long kills;
    long acknowledged;
    long keysChecked;
    long blobsChecked;
    long uploadsLeftOpen;
    long versionedAcknowledged;
    long versionsChecked;
    long accessAcknowledged;
    long accessChecks;

    @Override
    public String toString() {
      return kills
          + " kills survived, "
          + acknowledged
          + " acknowledged writes and deletes, "
          + keysChecked
          + " key checks (content by SHA-256 and metadata), "
          + blobsChecked
          + " blob files accounted for, "
          + uploadsLeftOpen
          + " interrupted uploads found and aborted; versioned bucket: "
          + versionedAcknowledged
          + " acknowledged puts, markers and version deletes, "
          + versionsChecked
          + " version checks (by version ID); access bucket: "
          + accessAcknowledged
          + " acknowledged policy, ACL and tag changes, "
          + accessChecks
          + " policy and key checks (bytes, ACL and tags)";
    }
  }
}
