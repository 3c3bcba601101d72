package io.coffer.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import io.coffer.it.support.StreamingUpload;
import io.coffer.s3.auth.AwsChunkedEncoder;
import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request whose body stops short of its Content-Length is answered {@code 400 RequestTimeout}
 * after the body timeout (AWS: about 20 s of silence), not left to the read timeout, which is
 * exactly botocore's own and made boto3 retry for five minutes (issue 12). Nothing is stored: no
 * object, no temporary file, no counter changed. The read timeout here is the default 60 s, so only
 * the body timeout can answer within the test's bounds.
 */
class BodyTimeoutIT {
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(1);

  /** Generous for a loaded machine, far below the 60 s read timeout. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

  private static final String BUCKET = "silence";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  // On SQLite: the checks of the temp folder expect it empty, and a node on PostgreSQL keeps a
  // file of its own there.
  @RegisterExtension
  static final CofferTestServer coffer =
      CofferTestServer.withBuckets(BUCKET)
          .configured(c -> c.withBodyTimeout(BODY_TIMEOUT))
          .onSqlite();

  @Test
  void aBodyShortOfItsContentLengthIsAnsweredRequestTimeout() throws Exception {
    String stats = stats();
    RawS3 put = RawS3.request(s3(), "PUT", "/" + BUCKET + "/short").payloadHash("UNSIGNED-PAYLOAD");
    try (RawSocket c = connect()) {
      c.write(put.head(put.sign(new byte[0]), 1000)).write(new byte[10]);
      assertRequestTimeout(c);
    }
    assertNothingStored("short", stats);
  }

  @Test
  void aLargeBodyStoppingHalfwayLeavesNoTemporaryFile() throws Exception {
    String stats = stats();
    byte[] half = new byte[300_000]; // past the inline threshold: a temporary blob file is open
    Arrays.fill(half, (byte) 'x');
    RawS3 put = RawS3.request(s3(), "PUT", "/" + BUCKET + "/large").payloadHash("UNSIGNED-PAYLOAD");
    try (RawSocket c = connect()) {
      c.write(put.head(put.sign(new byte[0]), 600_000)).write(half);
      assertRequestTimeout(c);
    }
    assertNothingStored("large", stats);
  }

  @Test
  void anAwsChunkedBodyStoppingMidChunkIsAnsweredRequestTimeout() throws Exception {
    String stats = stats();
    byte[] data = new byte[200_000];
    Arrays.fill(data, (byte) 'c');
    RawS3 put =
        RawS3.request(s3(), "PUT", "/" + BUCKET + "/chunked")
            .payloadHash("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
            .header("Content-Encoding", "aws-chunked")
            .header("x-amz-decoded-content-length", Integer.toString(data.length));
    SigV4Signer.HeaderSignature signature = put.sign(new byte[0]);
    byte[] framed =
        AwsChunkedEncoder.encode(signature.streaming(), data, StreamingUpload.CHUNK, null);
    int cut = StreamingUpload.CHUNK + StreamingUpload.CHUNK / 2; // inside the second chunk
    try (RawSocket c = connect()) {
      c.write(put.head(signature, framed.length)).write(Arrays.copyOf(framed, cut));
      assertRequestTimeout(c);
    }
    assertNothingStored("chunked", stats);
  }

  @Test
  void aSlowBodyThatKeepsComingIsStored() throws Exception {
    byte[] body = "0123456789".repeat(5).getBytes(StandardCharsets.US_ASCII);
    RawS3 put = RawS3.request(s3(), "PUT", "/" + BUCKET + "/slow").payloadHash("UNSIGNED-PAYLOAD");
    try (RawSocket c = connect()) {
      c.write(put.head(put.sign(new byte[0]), body.length));
      for (int i = 0; i < body.length; i += 10) {
        Thread.sleep(BODY_TIMEOUT.toMillis() / 3); // 5 pauses, together longer than the timeout
        c.write(Arrays.copyOfRange(body, i, i + 10));
      }
      assertThat(c.readResponse().status()).isEqualTo(200);
    }
    HttpResponse<String> get = RawS3.send(s3(), "GET", "/" + BUCKET + "/slow", new byte[0]);
    assertThat(get.body()).isEqualTo(new String(body, StandardCharsets.US_ASCII));
  }

  @Test
  void aManagementApiUploadShortOfItsContentLengthGetsTheJsonError() throws Exception {
    String stats = stats();
    int port = URI.create(coffer.server().consoleEndpoint()).getPort();
    try (RawSocket c = new RawSocket(port, ANSWER_WITHIN)) {
      c.write(
              "PUT /api/v1/buckets/"
                  + BUCKET
                  + "/objects/api-short HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "X-API-Key: "
                  + CofferTestServer.API_KEY
                  + "\r\nContent-Length: 1000\r\n\r\n")
          .write(new byte[10]);
      long sent = System.nanoTime();
      RawSocket.Response response = c.readResponse();
      assertThat(Duration.ofNanos(System.nanoTime() - sent))
          .isGreaterThanOrEqualTo(BODY_TIMEOUT.minusMillis(100));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/json");
      assertThat(response.body()).contains("\"error\":\"request_timeout\"");
      assertThat(c.closedByServer()).isTrue();
    }
    assertNothingStored("api-short", stats);
  }

  private static void assertRequestTimeout(RawSocket c) throws Exception {
    long sent = System.nanoTime();
    RawSocket.Response response = c.readResponse();
    Duration waited = Duration.ofNanos(System.nanoTime() - sent);
    assertThat(waited)
        .isGreaterThanOrEqualTo(BODY_TIMEOUT.minusMillis(100))
        .isLessThan(ANSWER_WITHIN);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .contains("<Code>RequestTimeout</Code>")
        .contains(
            "<Message>Your socket connection to the server was not read from or written to within"
                + " the timeout period. Idle connections will be closed.</Message>")
        .contains("<RequestId>");
    assertThat(response.header("Connection")).isEqualTo("close");
    assertThat(c.closedByServer()).as("the connection closes after the answer").isTrue();
  }

  private static void assertNothingStored(String key, String statsBefore) throws Exception {
    HttpResponse<String> head = RawS3.send(s3(), "HEAD", "/" + BUCKET + "/" + key, new byte[0]);
    assertThat(head.statusCode()).isEqualTo(404);
    Path tmp = coffer.dataDir().resolve(".coffer").resolve("tmp");
    if (Files.exists(tmp)) {
      try (Stream<Path> files = Files.list(tmp)) {
        assertThat(files.toList()).as("temporary files").isEmpty();
      }
    }
    assertThat(stats()).isEqualTo(statsBefore);
  }

  private static String stats() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(coffer.server().consoleEndpoint() + "/api/v1/stats"))
            .header("X-API-Key", CofferTestServer.API_KEY)
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static RawSocket connect() throws Exception {
    return new RawSocket(coffer.server().s3Port(), ANSWER_WITHIN);
  }

  private static URI s3() {
    return coffer.s3Uri();
  }
}
