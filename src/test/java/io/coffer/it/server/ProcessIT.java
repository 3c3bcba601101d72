package io.coffer.it.server;

import static io.coffer.it.support.CofferProcess.FAST_START;
import static io.coffer.it.support.CofferProcess.SIGTERM_EXIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import io.coffer.it.support.SdkClients;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The packaged jar as an operator runs it: its CLI, its first start, and SIGTERM. */
class ProcessIT {
  Path dataDir;

  @BeforeEach
  void createDataDir() throws Exception {
    dataDir = Files.createTempDirectory("coffer-process-");
  }

  @AfterEach
  void deleteDataDir() throws Exception {
    CofferTestServer.deleteRecursively(dataDir);
  }

  @Test
  void helpAndVersionExitZero() throws Exception {
    try (CofferProcess help = CofferProcess.run(FAST_START, Map.of(), "--help")) {
      assertThat(help.awaitExit()).isZero();
      assertThat(help.stdout()).contains("Usage: coffer").contains("server");
    }
    try (CofferProcess version = CofferProcess.run(FAST_START, Map.of(), "--version")) {
      assertThat(version.awaitExit()).isZero();
      assertThat(version.stdout()).containsPattern("\\d+\\.\\d+");
    }
  }

  /**
   * One server's life: the first start generates and prints keys, SIGTERM lets an upload in flight
   * finish, the second start prints nothing secret and finds everything where it was.
   */
  @Test
  void firstStartPrintsKeysOnceAndSigtermDrainsAnUploadInFlight() throws Exception {
    byte[] body = new byte[4 * 1024 * 1024];
    new Random(9).nextBytes(body);
    String accessKey;
    String secretKey;
    try (CofferProcess first = CofferProcess.server(dataDir, FAST_START, Map.of())) {
      first.awaitLine(Pattern.compile("API key:\\s+\\S+"), Duration.ofSeconds(10));
      accessKey =
          first.awaitLine(Pattern.compile("Access key:\\s+(\\S+)"), Duration.ofSeconds(1)).group(1);
      secretKey =
          first.awaitLine(Pattern.compile("Secret key:\\s+(\\S+)"), Duration.ofSeconds(1)).group(1);
      URI endpoint = first.s3Uri();
      try (S3Client s3 = SdkClients.of(endpoint, accessKey, secretKey)) {
        s3.createBucket(b -> b.bucket("drain"));
      }
      assertOwnerOnly(dataDir.resolve(".coffer")); // while running, with the WAL files open
      uploadWhileTerminating(
          first,
          endpoint,
          RawS3.request(endpoint, "PUT", "/drain/in-flight").as(accessKey, secretKey),
          body);
      assertThat(first.awaitExit()).isEqualTo(SIGTERM_EXIT);
      assertThat(first.stderr()).doesNotContain("Exception", "\tat ", secretKey);
    }
    assertOwnerOnly(dataDir.resolve(".coffer"));

    try (CofferProcess second = CofferProcess.server(dataDir, FAST_START, Map.of())) {
      try (S3Client s3 = SdkClients.of(second.s3Uri(), accessKey, secretKey)) {
        assertThat(s3.getObjectAsBytes(b -> b.bucket("drain").key("in-flight")).asByteArray())
            .isEqualTo(body);
      }
      assertThat(second.terminate()).isEqualTo(SIGTERM_EXIT);
      assertThat(second.stdout())
          .contains("S3 API:")
          .doesNotContain("Secret key", "API key", secretKey);
    }
  }

  /** Sends half of an upload, SIGTERMs the server, checks it drains, then sends the rest. */
  static void uploadWhileTerminating(CofferProcess server, URI endpoint, RawS3 put, byte[] body)
      throws Exception {
    int half = body.length / 2;
    try (RawSocket upload = new RawSocket(endpoint.getPort());
        RawSocket idle = new RawSocket(endpoint.getPort())) {
      idle.write(health("ready"));
      assertThat(idle.readResponse().status()).isEqualTo(200);
      // Once 100 Continue arrives the upload is in flight: its handler is reading the body.
      upload.write(put.head(put.sign(body), body.length, "Expect: 100-continue"));
      assertThat(upload.readResponse().status()).isEqualTo(100);
      upload.write(Arrays.copyOf(body, half));

      server.process().destroy(); // SIGTERM
      awaitRefused(endpoint.getPort());
      idle.write(health("ready"));
      assertThat(idle.readResponse().status()).as("readiness while draining").isEqualTo(503);

      upload.write(Arrays.copyOfRange(body, half, body.length));
      RawSocket.Response response = upload.readResponse();
      assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
  }

  /**
   * Where the secrets live (the metadata database with its WAL files, the API key hash): a folder
   * only the owner may enter, and files only the owner may read, should they ever be copied out.
   */
  static void assertOwnerOnly(Path internal) throws Exception {
    assertThat(permissions(internal)).isEqualTo("rwx------");
    try (Stream<Path> files = Files.walk(internal)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
      }
    }
    assertThat(internal.resolve("metadata.db")).exists();
    assertThat(internal.resolve("api-key.sha256")).exists();
  }

  static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  static String health(String check) {
    return "GET /coffer/health/" + check + " HTTP/1.1\r\nHost: x\r\n\r\n";
  }

  /** Waits until the listener is closed, which is the first thing the server does on SIGTERM. */
  static void awaitRefused(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        Thread.sleep(10);
      } catch (ConnectException refused) {
        return;
      }
    }
    throw new AssertionError("the server still accepts connections 20 s after SIGTERM");
  }
}
