package io.coffer.it.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.FormUpload;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import io.coffer.it.support.SdkClients;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bodies are streamed: a server limited to a 256 MiB heap stores and serves a 5 GiB object. The
 * test streams too: the body is generated as it is sent and hashed as it goes and comes back.
 */
class LargeObjectIT {
  static final long SIZE = ServerConfig.FIVE_GIB;
  static final Map<String, String> KEYS =
      Map.of(
          "COFFER_ACCESS_KEY", CofferTestServer.ACCESS_KEY,
          "COFFER_SECRET_KEY", CofferTestServer.SECRET_KEY,
          "COFFER_API_KEY", CofferTestServer.API_KEY);
  static Path dataDir;
  static CofferProcess server;
  static URI endpoint;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("coffer-large-");
    server = CofferProcess.server(dataDir, List.of("-Xmx256m"), KEYS);
    endpoint = server.s3Uri();
    try (S3Client s3 = SdkClients.admin(endpoint)) {
      s3.createBucket(b -> b.bucket("large"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.terminate();
    }
    CofferTestServer.deleteRecursively(dataDir);
  }

  @Test
  void aFiveGibObjectGoesInAndComesBackThroughA256MibHeap() throws Exception {
    long started = System.nanoTime();
    MessageDigest sentSha256 = MessageDigest.getInstance("SHA-256");
    MessageDigest sentMd5 = MessageDigest.getInstance("MD5");
    RawS3 put = RawS3.request(endpoint, "PUT", "/large/five-gib").payloadHash("UNSIGNED-PAYLOAD");
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(
                () ->
                    new DigestInputStream(
                        new DigestInputStream(new GeneratedBody(SIZE, 42), sentSha256), sentMd5)),
            SIZE);
    HttpResponse<String> stored =
        put.send(put.sign(new byte[0]), body, HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    String etag = "\"" + HexFormat.of().formatHex(sentMd5.digest()) + "\"";
    assertThat(stored.headers().firstValue("ETag")).hasValue(etag);
    long uploaded = System.nanoTime();

    RawS3 get = RawS3.request(endpoint, "GET", "/large/five-gib");
    HttpResponse<InputStream> got =
        get.send(
            get.sign(new byte[0]),
            HttpRequest.BodyPublishers.noBody(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("ETag")).hasValue(etag);
    assertThat(got.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
    MessageDigest receivedSha256 = MessageDigest.getInstance("SHA-256");
    long received = 0;
    try (InputStream in = got.body()) {
      byte[] buffer = new byte[256 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        receivedSha256.update(buffer, 0, n);
        received += n;
      }
    }
    assertThat(received).isEqualTo(SIZE);
    assertThat(receivedSha256.digest()).isEqualTo(sentSha256.digest());
    long peakMib = residentPeakMib();
    assertThat(peakMib).as("server's peak resident memory, MiB").isLessThan(1024);
    System.out.printf(
        "LargeObjectIT: 5 GiB PUT %.1f s, GET %.1f s, server peak RSS %d MiB%n",
        (uploaded - started) / 1e9, (System.nanoTime() - uploaded) / 1e9, peakMib);
  }

  /** CopyObject and UploadPartCopy stream too: the source is twice the server's heap. */
  @Test
  void copiesOfAnObjectLargerThanTheHeapStream() throws Exception {
    long size = 512L * 1024 * 1024;
    MessageDigest sentSha256 = MessageDigest.getInstance("SHA-256");
    RawS3 put =
        RawS3.request(endpoint, "PUT", "/large/copy-source").payloadHash("UNSIGNED-PAYLOAD");
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new DigestInputStream(new GeneratedBody(size, 7), sentSha256)),
            size);
    assertThat(
            put.send(put.sign(new byte[0]), body, HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
    byte[] expected = sentSha256.digest();
    try (S3Client s3 = SdkClients.admin(endpoint)) {
      s3.copyObject(
          c ->
              c.sourceBucket("large")
                  .sourceKey("copy-source")
                  .destinationBucket("large")
                  .destinationKey("copy"));
      assertThat(sha256Of("/large/copy")).isEqualTo(expected);

      String uploadId =
          s3.createMultipartUpload(c -> c.bucket("large").key("part-copy")).uploadId();
      long half = size / 2;
      String first =
          s3.uploadPartCopy(
                  c ->
                      c.sourceBucket("large")
                          .sourceKey("copy-source")
                          .destinationBucket("large")
                          .destinationKey("part-copy")
                          .uploadId(uploadId)
                          .partNumber(1)
                          .copySourceRange("bytes=0-" + (half - 1)))
              .copyPartResult()
              .eTag();
      String second =
          s3.uploadPartCopy(
                  c ->
                      c.sourceBucket("large")
                          .sourceKey("copy-source")
                          .destinationBucket("large")
                          .destinationKey("part-copy")
                          .uploadId(uploadId)
                          .partNumber(2)
                          .copySourceRange("bytes=" + half + "-" + (size - 1)))
              .copyPartResult()
              .eTag();
      s3.completeMultipartUpload(
          c ->
              c.bucket("large")
                  .key("part-copy")
                  .uploadId(uploadId)
                  .multipartUpload(
                      m ->
                          m.parts(
                              p -> p.partNumber(1).eTag(first),
                              p -> p.partNumber(2).eTag(second))));
      assertThat(sha256Of("/large/part-copy")).isEqualTo(expected);
    }
  }

  /** A browser form upload streams its file too: twice the server's heap, in one POST. */
  @Test
  void aPostFormFileLargerThanTheHeapStreams() throws Exception {
    long size = 512L * 1024 * 1024;
    MessageDigest sentSha256 = MessageDigest.getInstance("SHA-256");
    HttpResponse<String> posted =
        FormUpload.fields("key", "posted/${filename}")
            .filename("big.bin")
            .signV4("us-east-1", java.time.Instant.now(), "[\"starts-with\",\"$key\",\"posted/\"]")
            .post(
                endpoint,
                "large",
                new DigestInputStream(new GeneratedBody(size, 9), sentSha256),
                size);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
    assertThat(sha256Of("/large/posted/big.bin")).isEqualTo(sentSha256.digest());
  }

  private static byte[] sha256Of(String path) throws Exception {
    RawS3 get = RawS3.request(endpoint, "GET", path);
    HttpResponse<InputStream> got =
        get.send(
            get.sign(new byte[0]),
            HttpRequest.BodyPublishers.noBody(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(got.statusCode()).isEqualTo(200);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(got.body(), sha256)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return sha256.digest();
  }

  @Test
  void aDeclaredLengthOverFiveGibIsEntityTooLargeBeforeAnyBodyIsSent() throws Exception {
    RawS3 put = RawS3.request(endpoint, "PUT", "/large/too-large").payloadHash("UNSIGNED-PAYLOAD");
    try (RawSocket socket = new RawSocket(endpoint.getPort())) {
      socket.write(put.head(put.sign(new byte[0]), SIZE + 1)); // and not one byte of the body
      RawSocket.Response response = socket.readResponse();
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("<Code>EntityTooLarge</Code>");
    }
  }

  /** VmHWM of the server process: what its memory use peaked at, heap or not. */
  static long residentPeakMib() throws Exception {
    Path status = Path.of("/proc", Long.toString(server.process().pid()), "status");
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmHWM in " + status);
  }
}
