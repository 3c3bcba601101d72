package io.coffer.it.support;

import io.coffer.config.MetadataSettings;
import io.coffer.config.ServerConfig;
import io.coffer.server.CofferServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Starts a real Coffer server for a test class: loopback, ports chosen by the OS, a temporary data
 * directory, and a known admin credential. Tests talk to it over HTTP with real clients: {@link
 * #s3()} is the admin's client for the whole class, and {@link #withBuckets} names the buckets the
 * admin owns before the first test starts. The metadata is SQLite's, or a fresh PostgreSQL database
 * per server when the tests run on PostgreSQL ({@link TestStore}).
 */
public final class CofferTestServer implements BeforeAllCallback, AfterAllCallback {
  public static final String ACCESS_KEY = "COFFERTESTADMIN00001";
  public static final String SECRET_KEY = "test-secret-key-for-the-integration-tests";
  public static final String API_KEY = "test-api-key-0123456789";

  private final List<String> buckets;
  private UnaryOperator<ServerConfig> configure = c -> c;
  private boolean sqlite;
  private TrustManager[] trust;
  private Path dataDir;
  private @Nullable PostgresDatabase database;
  private CofferServer server;
  private S3Client s3;

  public CofferTestServer() {
    this(List.of());
  }

  private CofferTestServer(List<String> buckets) {
    this.buckets = buckets;
  }

  /** A server on which the admin has created these (empty) buckets before the class's tests run. */
  public static CofferTestServer withBuckets(String... buckets) {
    return new CofferTestServer(List.of(buckets));
  }

  /**
   * This server with its configuration changed as {@code change} says (e.g. a short lifecycle day).
   */
  public CofferTestServer configured(UnaryOperator<ServerConfig> change) {
    this.configure = change;
    return this;
  }

  /** This server on SQLite whatever {@link TestStore} says (a test that moves it elsewhere). */
  public CofferTestServer onSqlite() {
    this.sqlite = true;
    return this;
  }

  /** Clients of this server trust these (a test's own CA, for a server serving TLS). */
  public CofferTestServer trusting(TrustManager[] trustManagers) {
    this.trust = trustManagers;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("coffer-it-");
    ServerConfig config =
        ServerConfig.forTests(dataDir).withCredentials(ACCESS_KEY, SECRET_KEY, API_KEY);
    if (TestStore.postgres() && !sqlite) {
      database = PostgresDatabase.create();
      // A short grace period: tests that check what is left on disk see released files go
      // within seconds, as on SQLite at once (the grace period itself: ReleasedBlobCleanupTest).
      config =
          config.withMetadata(
              new MetadataSettings(database.url(), null, null, Duration.ofSeconds(1)));
      StoredFiles.metadataIn(dataDir, database);
    }
    server = CofferServer.start(configure.apply(config));
    for (String bucket : buckets) {
      s3().createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
    deleteRecursively(dataDir);
  }

  /**
   * Stops the server and starts it again on the same data directory, with its configuration changed
   * as {@code change} says (e.g. its metadata moved to PostgreSQL); ports and clients are new.
   */
  public void restart(UnaryOperator<ServerConfig> change) throws Exception {
    stop();
    server =
        CofferServer.start(
            change.apply(
                ServerConfig.forTests(dataDir).withCredentials(ACCESS_KEY, SECRET_KEY, API_KEY)));
  }

  /** Stops the server (its data directory stays until the class ends); {@link #restart} again. */
  public void stop() {
    if (s3 != null) {
      s3.close();
      s3 = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public CofferServer server() {
    return server;
  }

  /** The server's PostgreSQL database, when the tests run on PostgreSQL ({@link TestStore}). */
  public @Nullable PostgresDatabase database() {
    return database;
  }

  public Path dataDir() {
    return dataDir;
  }

  public URI s3Uri() {
    return URI.create(server.s3Endpoint());
  }

  /** The console port: management API, console and /metrics. */
  public URI consoleUri() {
    return URI.create(server.consoleEndpoint());
  }

  /** The management API's base, {@code http://127.0.0.1:port/api/v1}. */
  public URI apiUri() {
    return URI.create(server.consoleEndpoint() + "/api/v1");
  }

  /** The admin's client for this test class, made on first use and closed with the server. */
  public synchronized S3Client s3() {
    if (s3 == null) {
      s3 = client();
    }
    return s3;
  }

  /** A new client of the admin, on its own connections; the caller closes it. */
  public S3Client client() {
    return client(ACCESS_KEY, SECRET_KEY);
  }

  public S3Client client(String accessKey, String secretKey) {
    if (trust != null) {
      return SdkClients.of(s3Uri(), accessKey, secretKey, trust);
    }
    return S3Client.builder()
        .endpointOverride(s3Uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  public static void deleteRecursively(Path dir) throws Exception {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
