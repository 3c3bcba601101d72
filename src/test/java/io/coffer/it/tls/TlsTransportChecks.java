package io.coffer.it.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawSocket;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * What works over plain HTTP works over TLS, with the AWS SDK for Java and raw TLS sockets: each
 * engine's test class runs these against a server of its own ({@link TlsEngineServer}).
 */
abstract class TlsTransportChecks {
  static final String BUCKET = "secure";

  /** The engine's server: the subclass's {@code @RegisterExtension} field. */
  abstract TlsEngineServer server();

  CofferTestServer coffer() {
    return server().coffer;
  }

  TlsFixture tls() {
    return server().tls;
  }

  @Test
  void theServerUsesTheEngineAskedFor() {
    assertThat(coffer().server().tlsEngine()).isEqualTo(server().engineName());
    assertThat(coffer().server().s3Endpoint()).startsWith("https://");
    assertThat(coffer().server().publicEndpoint()).startsWith("https://");
  }

  @Test
  void sdkPutGetListAndMultipartOverHttps() {
    S3Client s3 = coffer().s3();
    byte[] small = bytes(1000, 1);
    byte[] file = bytes(3 * 1024 * 1024 + 17, 2); // above the inline threshold: a blob file
    s3.putObject(b -> b.bucket(BUCKET).key("small"), RequestBody.fromBytes(small));
    s3.putObject(b -> b.bucket(BUCKET).key("file"), RequestBody.fromBytes(file));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("small")).asByteArray())
        .isEqualTo(small);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("file")).asByteArray())
        .isEqualTo(file);
    ResponseBytes<GetObjectResponse> range =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("file").range("bytes=1000000-1000099"));
    assertThat(range.asByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(file, 1_000_000, 1_000_100));
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("s")).contents())
        .extracting(o -> o.key())
        .contains("small");

    String upload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("parts")).uploadId();
    byte[] one = bytes(5 * 1024 * 1024, 3);
    byte[] two = bytes(123_457, 4);
    List<CompletedPart> parts = new ArrayList<>();
    parts.add(
        CompletedPart.builder()
            .partNumber(1)
            .eTag(
                s3.uploadPart(
                        b -> b.bucket(BUCKET).key("parts").uploadId(upload).partNumber(1),
                        RequestBody.fromBytes(one))
                    .eTag())
            .build());
    parts.add(
        CompletedPart.builder()
            .partNumber(2)
            .eTag(
                s3.uploadPart(
                        b -> b.bucket(BUCKET).key("parts").uploadId(upload).partNumber(2),
                        RequestBody.fromBytes(two))
                    .eTag())
            .build());
    s3.completeMultipartUpload(
        b -> b.bucket(BUCKET).key("parts").uploadId(upload).multipartUpload(m -> m.parts(parts)));
    byte[] whole = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("parts")).asByteArray();
    assertThat(whole).hasSize(one.length + two.length);
    assertThat(java.util.Arrays.copyOfRange(whole, one.length, whole.length)).isEqualTo(two);
  }

  @Test
  void aLargeObjectStreamsBothWaysThroughTheEngine() throws Exception {
    S3Client s3 = coffer().s3();
    long size = 48L * 1024 * 1024 + 5;
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    s3.putObject(
        b -> b.bucket(BUCKET).key("large"),
        RequestBody.fromContentProvider(
            () -> new java.security.DigestInputStream(new PatternStream(size), sent),
            size,
            "application/octet-stream"));
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    long count = 0;
    try (InputStream in = s3.getObject(b -> b.bucket(BUCKET).key("large"))) {
      byte[] buffer = new byte[256 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        received.update(buffer, 0, n);
        count += n;
      }
    }
    assertThat(count).isEqualTo(size);
    assertThat(HexFormat.of().formatHex(received.digest()))
        .isEqualTo(HexFormat.of().formatHex(sent.digest()));
  }

  @Test
  void oneConnectionServesRequestAfterRequest() throws Exception {
    try (RawSocket socket =
        new RawSocket(tls().connect(coffer().server().s3Port()), Duration.ofSeconds(20))) {
      for (int i = 0; i < 5; i++) {
        socket.write("GET /coffer/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(socket.readResponse().status()).isEqualTo(200);
      }
      assertThat(socket.closedByServer()).isFalse();
    }
  }

  @Test
  void aRequestRefusedBeforeItsBodyNeverGetsA100Continue() throws Exception {
    try (RawSocket socket =
        new RawSocket(tls().connect(coffer().server().s3Port()), Duration.ofSeconds(20))) {
      socket.write(
          "PUT /"
              + BUCKET
              + "/anonymous HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
              + "Expect: 100-continue\r\n\r\n");
      RawSocket.Response response = socket.readResponse();
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body()).contains("AccessDenied");
      assertThat(socket.closedByServer()).isTrue(); // the body it announced is never read
    }
  }

  @Test
  void plainHttpToTheTlsPortIsToldToUseHttps() throws Exception {
    for (int port : new int[] {coffer().server().s3Port(), coffer().server().consolePort()}) {
      try (RawSocket socket = new RawSocket(port)) {
        socket.write("GET /coffer/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        RawSocket.Response response = socket.readResponse();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("use https://");
        assertThat(socket.closedByServer()).isTrue();
      }
    }
  }

  @Test
  void onlyTls12And13AreNegotiatedAndAlpnPicksHttp11() throws Exception {
    int port = coffer().server().s3Port();
    try (SSLSocket socket = tls().connect(port, "TLSv1.2")) {
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
    }
    try (SSLSocket socket = tls().connect(port, "TLSv1.3")) {
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }
    SSLSocket alpn =
        (SSLSocket) tls().ca.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
    try (alpn) {
      SSLParameters parameters = alpn.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
      alpn.setSSLParameters(parameters);
      alpn.startHandshake();
      assertThat(alpn.getApplicationProtocol()).isEqualTo("http/1.1");
    }
  }

  @Test
  void theConsoleSendsHstsAndPresignsHttpsUrls() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(tls().ca.clientContext())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(coffer().server().consoleEndpoint() + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");

    coffer()
        .s3()
        .putObject(b -> b.bucket(BUCKET).key("shared.txt"), RequestBody.fromString("hello"));
    HttpResponse<String> issued =
        http.send(
            HttpRequest.newBuilder(URI.create(coffer().apiUri() + "/presigned-urls"))
                .header("X-API-Key", CofferTestServer.API_KEY)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"bucket_name\": \""
                            + BUCKET
                            + "\", \"object_key\": \"shared.txt\", \"access_key\": \""
                            + CofferTestServer.ACCESS_KEY
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(issued.statusCode()).as(issued.body()).isBetween(200, 201);
    String url = issued.body().replaceAll("(?s).*\"url\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    assertThat(url).startsWith("https://127.0.0.1:" + coffer().server().s3Port() + "/");
    HttpResponse<String> fetched =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo("hello");
  }

  @Test
  void aFormUploadAnswersWithAnHttpsLocation() throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(tls().ca.clientContext()).build();
    HttpResponse<String> response =
        io.coffer.it.support.FormUpload.fields("key", "form.txt")
            .signV4(
                "us-east-1",
                java.time.Instant.now(),
                "{\"bucket\":\"" + BUCKET + "\"},{\"key\":\"form.txt\"}")
            .post(http, coffer().s3Uri(), BUCKET, "posted".getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(response.headers().firstValue("Location"))
        .hasValue(coffer().s3Uri().resolve("/" + BUCKET + "/form.txt").toString())
        .hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
  }

  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** A long, cheap, deterministic body. */
  static final class PatternStream extends InputStream {
    private final long size;
    private long position;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? (int) (position++ * 31 % 251) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) (position++ * 31 % 251);
      }
      return n;
    }
  }
}
