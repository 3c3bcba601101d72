package io.coffer.it.server;

import static io.coffer.it.support.CofferProcess.FAST_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import io.coffer.it.support.S3Assertions;
import io.coffer.it.support.SdkClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starting the packaged jar when something is in the way: a port in use, another server on the data
 * directory, a data directory that cannot be created, a malformed address; and getting back in when
 * the generated secrets are lost. Each failure is one line on stderr and a non-zero exit.
 */
class StartupIT {
  static final Duration EXIT = Duration.ofSeconds(60);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  Path dataDir;

  @BeforeEach
  void createDataDir() throws Exception {
    dataDir = Files.createTempDirectory("coffer-startup-");
  }

  @AfterEach
  void deleteDataDir() throws Exception {
    CofferTestServer.deleteRecursively(dataDir);
  }

  /**
   * A failed first start locks the user out: the ports are bound before anything is generated, so a
   * port in use fails before a secret is stored that nobody saw, and the next start shows the
   * generated credential and API key.
   */
  @Test
  void aFailedFirstStartLocksNobodyOut() throws Exception {
    try (ServerSocket taken = occupiedPort()) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      try (CofferProcess failed = server(dataDir, address, "127.0.0.1:0")) {
        assertThat(failed.awaitExit(EXIT)).isEqualTo(1);
        assertOneLine(failed.stderr())
            .contains(address)
            .contains("S3 API")
            .contains("address already in use");
        assertThat(failed.stdout()).doesNotContain("Secret key", "API key");
      }
    }
    assertThat(dataDir.resolve(".coffer/api-key.sha256")).doesNotExist();
    assertThat(dataDir.resolve(".coffer/metadata.db")).doesNotExist();

    try (CofferProcess next = CofferProcess.server(dataDir, FAST_START, Map.of())) {
      String apiKey =
          next.awaitLine(Pattern.compile("API key:\\s+(\\S+)"), Duration.ofSeconds(10)).group(1);
      String accessKey =
          next.awaitLine(Pattern.compile("Access key:\\s+(\\S+)"), Duration.ofSeconds(1)).group(1);
      String secretKey =
          next.awaitLine(Pattern.compile("Secret key:\\s+(\\S+)"), Duration.ofSeconds(1)).group(1);
      try (S3Client s3 = SdkClients.of(next.s3Uri(), accessKey, secretKey)) {
        assertThat(s3.listBuckets().buckets()).isEmpty();
      }
      assertThat(stats(next.consoleUri(), apiKey)).isEqualTo(200);
      assertThat(next.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
    }
  }

  /**
   * Two servers on one data directory: the second refuses to start, in one sentence naming the
   * directory, before its start-up clean-up can delete the first one's in-flight temporary file.
   */
  @Test
  void twoServersOnOneDataDirectory() throws Exception {
    byte[] body = new byte[4 * 1024 * 1024];
    new Random(12).nextBytes(body);
    Map<String, String> env =
        Map.of(
            "COFFER_ACCESS_KEY",
            CofferTestServer.ACCESS_KEY,
            "COFFER_SECRET_KEY",
            CofferTestServer.SECRET_KEY);
    try (CofferProcess first = CofferProcess.server(dataDir, FAST_START, env)) {
      URI endpoint = first.s3Uri();
      try (S3Client s3 = SdkClients.admin(endpoint)) {
        s3.createBucket(b -> b.bucket("shared"));
      }
      RawS3 put =
          RawS3.request(endpoint, "PUT", "/shared/in-flight")
              .as(CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY);
      try (RawSocket upload = new RawSocket(endpoint.getPort())) {
        upload.write(put.head(put.sign(body), body.length, "Expect: 100-continue"));
        assertThat(upload.readResponse().status()).isEqualTo(100);
        upload.write(Arrays.copyOf(body, body.length / 2));
        awaitTemporaryFile();

        try (CofferProcess second = server(dataDir, "127.0.0.1:0", "127.0.0.1:0")) {
          assertThat(second.awaitExit(EXIT)).isEqualTo(1);
          assertOneLine(second.stderr())
              .isEqualTo(
                  "The data directory "
                      + dataDir.toAbsolutePath()
                      + " is in use by another Coffer process (pid "
                      + first.process().pid()
                      + "); stop it first, or give this one another --data directory.");
        }

        upload.write(Arrays.copyOfRange(body, body.length / 2, body.length));
        RawSocket.Response response = upload.readResponse();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
      }
      try (S3Client s3 = SdkClients.admin(endpoint)) {
        assertThat(s3.getObjectAsBytes(b -> b.bucket("shared").key("in-flight")).asByteArray())
            .isEqualTo(body);
      }
      assertThat(first.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
    }
  }

  /**
   * A lost API key or admin secret: {@code coffer reset-api-key} and {@code coffer
   * reset-admin-secret} refuse while a server holds the directory, and afterwards print new ones
   * that the next start accepts (the admin keeps its access key).
   */
  @Test
  void lostSecretsAreResetWithTheServerStopped() throws Exception {
    String oldApiKey;
    String accessKey;
    String oldSecret;
    try (CofferProcess server = CofferProcess.server(dataDir, FAST_START, Map.of())) {
      oldApiKey =
          server.awaitLine(Pattern.compile("API key:\\s+(\\S+)"), Duration.ofSeconds(10)).group(1);
      accessKey =
          server
              .awaitLine(Pattern.compile("Access key:\\s+(\\S+)"), Duration.ofSeconds(1))
              .group(1);
      oldSecret =
          server
              .awaitLine(Pattern.compile("Secret key:\\s+(\\S+)"), Duration.ofSeconds(1))
              .group(1);
      for (String command : new String[] {"reset-api-key", "reset-admin-secret"}) {
        try (CofferProcess refused =
            CofferProcess.run(FAST_START, Map.of(), command, "--data", dataDir.toString())) {
          assertThat(refused.awaitExit(EXIT)).as(command).isEqualTo(1);
          assertOneLine(refused.stderr())
              .contains("is in use by another Coffer process (pid " + server.process().pid() + ")");
          assertThat(refused.stdout()).isEmpty();
        }
      }
      assertThat(stats(server.consoleUri(), oldApiKey))
          .as("the refusals changed nothing")
          .isEqualTo(200);
      assertThat(server.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
    }

    String newApiKey;
    try (CofferProcess reset =
        CofferProcess.run(FAST_START, Map.of(), "reset-api-key", "--data", dataDir.toString())) {
      assertThat(reset.awaitExit(EXIT)).isZero();
      newApiKey =
          reset.awaitLine(Pattern.compile("API key:\\s+(\\S+)"), Duration.ofSeconds(1)).group(1);
    }
    String newSecret;
    try (CofferProcess reset =
        CofferProcess.run(
            FAST_START, Map.of(), "reset-admin-secret", "--data", dataDir.toString())) {
      assertThat(reset.awaitExit(EXIT)).isZero();
      assertThat(
              reset
                  .awaitLine(Pattern.compile("Access key:\\s+(\\S+)"), Duration.ofSeconds(1))
                  .group(1))
          .isEqualTo(accessKey);
      newSecret =
          reset.awaitLine(Pattern.compile("Secret key:\\s+(\\S+)"), Duration.ofSeconds(1)).group(1);
    }
    assertThat(newApiKey).isNotEqualTo(oldApiKey);
    assertThat(newSecret).isNotEqualTo(oldSecret);
    ProcessIT.assertOwnerOnly(dataDir.resolve(".coffer"));

    try (CofferProcess server = CofferProcess.server(dataDir, FAST_START, Map.of())) {
      assertThat(stats(server.consoleUri(), newApiKey)).isEqualTo(200);
      assertThat(stats(server.consoleUri(), oldApiKey)).isEqualTo(401);
      try (S3Client s3 = SdkClients.of(server.s3Uri(), accessKey, newSecret)) {
        assertThat(s3.listBuckets().buckets()).isEmpty();
      }
      try (S3Client s3 = SdkClients.of(server.s3Uri(), accessKey, oldSecret)) {
        S3Assertions.assertS3Error(403, "SignatureDoesNotMatch", s3::listBuckets);
      }
      assertThat(server.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
      assertThat(server.stdout()).doesNotContain("Secret key", "API key");
    }
  }

  /**
   * Nodes on PostgreSQL: reset-admin-secret without --metadata refuses (it would otherwise make an
   * empty SQLite database beside the nodes' real one); with it, the new secret is the nodes'.
   */
  @Test
  void adminSecretOfNodesIsResetInPostgres() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create()) {
      Map<String, String> env = Map.of("COFFER_METADATA", database.url());
      String accessKey;
      try (CofferProcess server = CofferProcess.server(dataDir, FAST_START, env)) {
        accessKey =
            server
                .awaitLine(Pattern.compile("Access key:\\s+(\\S+)"), Duration.ofSeconds(20))
                .group(1);
        assertThat(server.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
      }
      try (CofferProcess refused =
          CofferProcess.run(
              FAST_START, Map.of(), "reset-admin-secret", "--data", dataDir.toString())) {
        assertThat(refused.awaitExit(EXIT)).isEqualTo(1);
        assertOneLine(refused.stderr()).contains("is in PostgreSQL: give --metadata");
      }
      assertThat(dataDir.resolve(".coffer/metadata.db")).doesNotExist();
      String newSecret;
      try (CofferProcess reset =
          CofferProcess.run(
              FAST_START,
              Map.of(),
              "reset-admin-secret",
              "--data",
              dataDir.toString(),
              "--metadata",
              database.url())) {
        assertThat(reset.awaitExit(EXIT)).isZero();
        assertThat(
                reset
                    .awaitLine(Pattern.compile("Access key:\\s+(\\S+)"), Duration.ofSeconds(1))
                    .group(1))
            .isEqualTo(accessKey);
        newSecret =
            reset
                .awaitLine(Pattern.compile("Secret key:\\s+(\\S+)"), Duration.ofSeconds(1))
                .group(1);
      }
      try (CofferProcess server = CofferProcess.server(dataDir, FAST_START, env);
          S3Client s3 = SdkClients.of(server.s3Uri(), accessKey, newSecret)) {
        assertThat(s3.listBuckets().buckets()).isEmpty();
        assertThat(server.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
      }
    }
  }

  /** Start-up failures are one line without a stack trace: status 1, or 2 for a usage error. */
  @Test
  void startUpFailuresAreOneClearLine() throws Exception {
    try (ServerSocket taken = occupiedPort()) {
      String console = "127.0.0.1:" + taken.getLocalPort();
      try (CofferProcess failed = server(dataDir, "127.0.0.1:0", console)) {
        assertThat(failed.awaitExit(EXIT)).isEqualTo(1);
        assertOneLine(failed.stderr())
            .isEqualTo("Cannot listen on " + console + " for the console: address already in use.");
      }
    }

    Path notADirectory = Files.writeString(dataDir.resolve("file"), "x");
    try (CofferProcess failed =
        server(notADirectory.resolve("data"), "127.0.0.1:0", "127.0.0.1:0")) {
      assertThat(failed.awaitExit(EXIT)).isEqualTo(1);
      assertOneLine(failed.stderr())
          .isEqualTo(
              "Cannot use the data directory "
                  + notADirectory.resolve("data")
                  + ": not a directory.");
    }

    Map<String, String> shortSecret =
        Map.of("COFFER_ACCESS_KEY", "startup-admin", "COFFER_SECRET_KEY", "short");
    try (CofferProcess failed =
        CofferProcess.run(
            FAST_START,
            shortSecret,
            "server",
            "--data",
            dataDir.resolve("env").toString(),
            "--address",
            "127.0.0.1:0",
            "--console-address",
            "127.0.0.1:0")) {
      assertThat(failed.awaitExit(EXIT)).isEqualTo(1);
      assertOneLine(failed.stderr())
          .isEqualTo(
              "The admin credential given in the environment is not valid: secret_key must be 8 to"
                  + " 128 characters long.");
    }
    assertThat(dataDir.resolve("env/.coffer/api-key.sha256"))
        .as("no API key generated unseen")
        .doesNotExist();

    try (CofferProcess failed = server(dataDir.resolve("data"), "127.0.0.1:90000", "127.0.0.1:0")) {
      assertThat(failed.awaitExit(EXIT)).isEqualTo(2);
      assertOneLine(failed.stderr())
          .startsWith("coffer server: --address must be HOST:PORT")
          .contains("127.0.0.1:90000");
    }
    assertThat(dataDir.resolve("data")).as("a usage error touches nothing").doesNotExist();
  }

  static CofferProcess server(Path dataDir, String address, String consoleAddress)
      throws IOException {
    return CofferProcess.run(
        FAST_START,
        Map.of(),
        "server",
        "--data",
        dataDir.toString(),
        "--address",
        address,
        "--console-address",
        consoleAddress);
  }

  static ServerSocket occupiedPort() throws IOException {
    return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
  }

  static AbstractStringAssert<?> assertOneLine(String stderr) {
    assertThat(stderr.strip()).as(stderr).isNotEmpty().doesNotContain("\n", "\tat ", "Exception");
    return assertThat(stderr.strip());
  }

  static int stats(URI console, String apiKey) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(console.resolve("/api/v1/stats"))
            .header("X-API-Key", apiKey)
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * Waits until the upload in flight has a temporary file (its body went past the inline buffer).
   */
  void awaitTemporaryFile() throws Exception {
    Path tmp = dataDir.resolve(".coffer/tmp");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(tmp)) {
        try (Stream<Path> files = Files.list(tmp)) {
          if (files.anyMatch(Files::isRegularFile)) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no temporary file in " + tmp + " while an upload is in flight");
  }
}
