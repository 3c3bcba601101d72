package io.coffer.it;

import io.coffer.config.ServerConfig;
import io.coffer.server.CofferServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Starts a real Coffer server for a test class: loopback, ports chosen by the OS, a temporary
 * data directory, and a known admin credential. Tests talk to it over HTTP with real clients.
 */
public final class CofferTestServer implements BeforeAllCallback, AfterAllCallback {
  public static final String ACCESS_KEY = "COFFERTESTADMIN00001";
  public static final String SECRET_KEY = "test-secret-key-for-the-integration-tests";
  public static final String API_KEY = "test-api-key-0123456789";

  private Path dataDir;
  private CofferServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("coffer-it-");
    server = CofferServer.start(ServerConfig.forTests(dataDir).withCredentials(ACCESS_KEY, SECRET_KEY, API_KEY));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
    }
    deleteRecursively(dataDir);
  }

  public CofferServer server() {
    return server;
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

  public S3Client client() {
    return client(ACCESS_KEY, SECRET_KEY);
  }

  public S3Client client(String accessKey, String secretKey) {
    return S3Client.builder()
        .endpointOverride(s3Uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  static void deleteRecursively(Path dir) throws Exception {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
