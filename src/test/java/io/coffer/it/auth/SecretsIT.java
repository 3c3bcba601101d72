package io.coffer.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.server.CofferServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Secrets stay secret: the management API key is kept only as a hash, S3 secret keys appear in no
 * log event and in no management API response after the one that created them, and everything in
 * the data directory is readable by its owner only. The server is started here, with generated
 * keys, so that its start-up is watched too; requests are raw so every log event is the server's.
 */
class SecretsIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String CHOSEN_SECRET = "a-chosen-secret-key-that-must-stay-hidden";

  @Test
  void secretsAreHashedUnloggedUnreturnedAndOwnerOnly() throws Exception {
    Path dataDir = Files.createTempDirectory("coffer-secrets-");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger accessLog = context.getLogger("coffer.access");
    Level rootLevel = root.getLevel();
    Level accessLevel = accessLog.getLevel();
    List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(detached::add);
    detached.forEach(root::detachAppender); // DEBUG goes to the list only, not to the console
    events.setContext(context);
    events.start();
    root.addAppender(events);
    root.setLevel(Level.DEBUG);
    accessLog.setLevel(Level.DEBUG);
    List<String> secrets = new ArrayList<>();
    try (CofferServer server = CofferServer.start(ServerConfig.forTests(dataDir))) {
      String apiKey = server.startup().generatedApiKey();
      String adminSecret = server.startup().generatedSecret();
      assertThat(apiKey).isNotBlank();
      assertThat(adminSecret).isNotBlank();
      secrets.addAll(List.of(apiKey, adminSecret, CHOSEN_SECRET));
      Management api = new Management(URI.create(server.consoleEndpoint() + "/api/v1"), apiKey);
      URI s3 = URI.create(server.s3Endpoint());

      JsonNode created =
          api.send(
              "POST",
              "/credentials",
              "{\"user_name\": \"quiet\", \"access_key\": \"SECRETIVEACCESSKEY01\", \"secret_key\":"
                  + " \""
                  + CHOSEN_SECRET
                  + "\"}",
              201);
      assertThat(created.get("secret_key").asString()).isEqualTo(CHOSEN_SECRET); // shown once, here
      long id = created.get("id").asLong();
      String access = "SECRETIVEACCESSKEY01";
      String admin = server.adminCredential().accessKey();

      send(RawS3.request(s3, "PUT", "/hush").as(access, CHOSEN_SECRET), new byte[0], 200);
      send(
          RawS3.request(s3, "PUT", "/hush/object.bin").as(access, CHOSEN_SECRET),
          new byte[300_000],
          200);
      send(
          RawS3.request(s3, "GET", "/hush/object.bin").as(access, CHOSEN_SECRET), new byte[0], 200);
      send(
          RawS3.request(s3, "PUT", "/hush/refused").as(access, CHOSEN_SECRET + "x"),
          new byte[10],
          403);
      send(RawS3.request(s3, "GET", "/hush").as(admin, adminSecret), new byte[0], 403);
      send(RawS3.request(s3, "GET", "/").as(admin, adminSecret), new byte[0], 200);
      String uploadXml =
          send(
              RawS3.request(s3, "POST", "/hush/parts.bin")
                  .query("uploads", "")
                  .as(access, CHOSEN_SECRET),
              new byte[0],
              200);
      String uploadId =
          uploadXml.substring(
              uploadXml.indexOf("<UploadId>") + 10, uploadXml.indexOf("</UploadId>"));
      send(
          RawS3.request(s3, "PUT", "/hush/parts.bin")
              .query("partNumber", "1")
              .query("uploadId", uploadId)
              .as(access, CHOSEN_SECRET),
          new byte[1000],
          200);
      JsonNode issued =
          api.send(
              "POST",
              "/presigned-urls",
              "{\"bucket_name\": \"hush\", \"object_key\": \"object.bin\", \"access_key\": \""
                  + access
                  + "\"}",
              201);
      assertThat(RawS3.sendUrl("GET", issued.get("url").asString(), new byte[0]).statusCode())
          .isEqualTo(200);
      String selfSigned =
          io.coffer.s3.auth.SigV4Signer.presign(
              "GET",
              s3.toString(),
              "hush",
              "object.bin",
              java.util.Map.of(),
              access,
              CHOSEN_SECRET,
              "us-east-1",
              Instant.now(),
              60);
      assertThat(RawS3.sendUrl("GET", selfSigned, new byte[0]).statusCode()).isEqualTo(200);
      assertThat(api.status("GET", "/stats", HeaderSignatureCases.lastCharChanged(apiKey)))
          .isEqualTo(401);

      List<String> answers = new ArrayList<>();
      answers.add(api.text("GET", "/credentials", 200));
      answers.add(api.text("GET", "/credentials/" + id, 200));
      answers.add(api.text("PUT", "/credentials/" + id, "{\"user_name\": \"renamed\"}", 200));
      answers.add(api.text("GET", "/credentials/" + id, 200));
      answers.add(api.text("GET", "/stats", 200));
      answers.add(api.text("GET", "/buckets/hush", 200));
      answers.add(api.text("GET", "/presigned-urls", 200));
      answers.add(api.text("GET", "/buckets/hush/multipart-uploads", 200));
      for (String answer : answers) {
        assertThat(answer).doesNotContain(CHOSEN_SECRET, adminSecret, apiKey, "secret_key");
      }
      assertThat(answers.get(0)).contains(access); // the list does show the credential itself

      Path hashFile = dataDir.resolve(".coffer/api-key.sha256");
      assertThat(Files.readString(hashFile).trim()).isEqualTo(sha256Hex(apiKey));
      assertNoFileContains(dataDir, apiKey);
      assertOwnerOnly(dataDir);
    } finally {
      root.detachAppender(events);
      detached.forEach(root::addAppender);
      root.setLevel(rootLevel);
      accessLog.setLevel(accessLevel);
      CofferTestServer.deleteRecursively(dataDir);
    }
    assertThat(events.list).as("log events watched").isNotEmpty();
    for (ILoggingEvent event : events.list) {
      String text =
          event.getLoggerName()
              + " "
              + event.getFormattedMessage()
              + " "
              + event.getMDCPropertyMap()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      for (String secret : secrets) {
        assertThat(text).as("log event of %s", event.getLoggerName()).doesNotContain(secret);
      }
    }
  }

  static String send(RawS3 request, byte[] body, int status) throws Exception {
    HttpResponse<String> response = request.send(body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body();
  }

  /** The plain API key is nowhere on disk, not even inside the database or its WAL. */
  static void assertNoFileContains(Path dataDir, String secret) throws Exception {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> walk = Files.walk(dataDir)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content)
            .as("%s", file)
            .doesNotContain(new String(needle, StandardCharsets.ISO_8859_1));
      }
    }
  }

  static void assertOwnerOnly(Path dataDir) throws Exception {
    int files = 0;
    try (Stream<Path> walk = Files.walk(dataDir)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
            .as("permissions of %s", dataDir.relativize(path))
            .isEqualTo(expected);
        files += Files.isRegularFile(path) ? 1 : 0;
      }
    }
    assertThat(files)
        .as("files checked (database, WAL, API key hash, blobs, parts)")
        .isGreaterThanOrEqualTo(5);
  }

  static String sha256Hex(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The management API of the server started here (not a {@link CofferTestServer}). */
  record Management(URI base, String apiKey) {
    JsonNode send(String method, String path, String body, int status) throws Exception {
      return JSON.readTree(text(method, path, body, status));
    }

    String text(String method, String path, int status) throws Exception {
      return text(method, path, null, status);
    }

    String text(String method, String path, String body, int status) throws Exception {
      HttpResponse<String> response = request(method, path, body, apiKey);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
      return response.body();
    }

    int status(String method, String path, String key) throws Exception {
      return request(method, path, null, key).statusCode();
    }

    private HttpResponse<String> request(String method, String path, String body, String key)
        throws Exception {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + path))
              .method(method, publisher)
              .header("X-API-Key", key)
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
