package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A storage failure that becomes InternalError is logged at the default level (WARN and above) with
 * the request ID and its cause, and the client is told nothing about the server's file system: on
 * the S3 port and on the management API.
 */
class InternalErrorLoggingIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final int BLOB_SIZE = 200_000; // above the inline threshold: stored as a file

  final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  Path blocked;
  Path movedAside;

  @BeforeEach
  void captureLogs() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void restore() throws Exception {
    root.detachAppender(logged);
    if (blocked != null) {
      Files.delete(blocked);
      Files.move(movedAside, blocked);
    }
  }

  /**
   * Makes blob files impossible to place: the folder above the fan-out folders of an existing blob
   * ({@code .../ab/cd/<id>}) becomes a regular file, so creating any fan-out folder fails with an
   * IOException naming a server path. (Root ignores permissions, so a file stands in for them.)
   */
  void breakBlobStorage(String bucket) throws Exception {
    List<Path> before = blobFiles();
    try (S3Client s3 = coffer.client()) {
      s3.createBucket(b -> b.bucket(bucket));
      s3.putObject(b -> b.bucket(bucket).key("first"), RequestBody.fromBytes(new byte[BLOB_SIZE]));
    }
    List<Path> added = blobFiles().stream().filter(p -> !before.contains(p)).toList();
    assertThat(added).hasSize(1);
    blocked = added.get(0).getParent().getParent().getParent();
    movedAside = blocked.resolveSibling(blocked.getFileName() + ".aside");
    Files.move(blocked, movedAside);
    Files.writeString(blocked, "not a folder");
  }

  /** Blob files, wherever the layout keeps them: named by 32 hex digits (the database is not). */
  static List<Path> blobFiles() throws Exception {
    try (Stream<Path> files = Files.walk(coffer.dataDir())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}"))
          .toList();
    }
  }

  @Test
  void aStorageFailureIsLoggedWithItsRequestIdAndTheClientSeesNoServerPath() throws Exception {
    breakBlobStorage("failing-s3");
    HttpResponse<byte[]> response =
        SignedHttp.request(coffer.s3Uri(), "PUT", "failing-s3", "second")
            .body(new byte[BLOB_SIZE])
            .send();

    String body = SignedHttp.text(response);
    assertThat(response.statusCode()).as(body).isEqualTo(500);
    assertThat(SignedHttp.errorCode(response)).isEqualTo("InternalError");
    assertNoServerPath(body);
    String requestId = response.headers().firstValue("x-amz-request-id").orElseThrow();
    assertThat(body).contains("<RequestId>" + requestId + "</RequestId>");
    assertLoggedWithCause(requestId);
  }

  @Test
  void aStorageFailureOnTheManagementApiIsLoggedAndItsAnswerHasNoServerPath() throws Exception {
    breakBlobStorage("failing-api");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(coffer.apiUri() + "/buckets/failing-api/objects/second"))
                    .header("X-API-Key", CofferTestServer.API_KEY)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[BLOB_SIZE]))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(response.body()).contains("\"internal_error\"");
    assertNoServerPath(response.body());
    Matcher id = Pattern.compile("request ID ([0-9A-F]{16})").matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    assertLoggedWithCause(id.group(1));
  }

  void assertNoServerPath(String body) {
    assertThat(body)
        .doesNotContain(coffer.dataDir().toString())
        .doesNotContain(blocked.getFileName().toString() + "/")
        .doesNotContain("/tmp")
        .doesNotContain("Exception");
  }

  void assertLoggedWithCause(String requestId) {
    List<ILoggingEvent> events =
        logged.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
            .filter(e -> e.getFormattedMessage().contains(requestId))
            .toList();
    assertThat(events).as("WARN or ERROR log lines naming request %s", requestId).isNotEmpty();
    assertThat(events.get(0).getThrowableProxy()).as("the cause is logged").isNotNull();
  }
}
