package io.coffer.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawSocket;
import io.coffer.s3.auth.SigV4Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What hostile or broken clients send: malformed and oversize requests, lying Content-Lengths, XML
 * bombs, slow clients and connection floods. The server answers each in the protocol's own form,
 * never with a 500 or a hang, and keeps serving everyone else.
 */
class HostileHttpIT {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  private static final int MAX_CONNECTIONS = 24;
  private static final String BUCKET = "hostile";

  @RegisterExtension
  static final CofferTestServer coffer =
      new CofferTestServer()
          .configured(
              c ->
                  c.withLimits(ServerConfig.FIVE_GIB, 8 * 1024, READ_TIMEOUT, MAX_CONNECTIONS)
                      .withBodyTimeout(READ_TIMEOUT));

  private static int port;

  @BeforeAll
  static void start() {
    port = coffer.server().s3Port();
    try (S3Client client = coffer.client()) {
      client.createBucket(r -> r.bucket(BUCKET));
    }
  }

  @Test
  void malformedRequestLineGets400AndTheConnectionCloses() throws Exception {
    try (RawSocket c = connect()) {
      RawSocket.Response response = c.write("THIS IS NOT HTTP\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(400);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void malformedHeaderLineGets400() throws Exception {
    try (RawSocket c = connect()) {
      RawSocket.Response response =
          c.write("GET /coffer/health/live HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n")
              .readResponse();
      assertThat(response.status()).isEqualTo(400);
    }
  }

  @Test
  void oversizeHeadersGet431() throws Exception {
    try (RawSocket c = connect()) {
      String big = "a".repeat(9 * 1024);
      RawSocket.Response response =
          c.write("GET /coffer/health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n")
              .readResponse();
      assertThat(response.status()).isEqualTo(431);
      assertThat(response.body()).contains("<Error>");
    }
  }

  @Test
  void oversizeRequestLineGets414() throws Exception {
    try (RawSocket c = connect()) {
      RawSocket.Response response =
          c.write("GET /" + "k".repeat(20 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(414);
    }
  }

  @Test
  void oversizeXmlBodyIsRefusedWithoutReadingItAll() throws Exception {
    byte[] body =
        ("<Delete>" + "<Object><Key>k</Key></Object>".repeat(80_000) + "</Delete>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(body.length).isGreaterThan(1024 * 1024);
    RawSocket.Response response =
        signedRequest("POST", "/" + BUCKET + "?delete=", body, body.length);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .containsAnyOf("<Code>MalformedXML</Code>", "<Code>EntityTooLarge</Code>");
  }

  @Test
  void xmlEntityExpansionIsRefused() throws Exception {
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b"
            + " \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c"
            + " \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><Delete><Object><Key>&c;</Key></Object></Delete>";
    byte[] body = bomb.getBytes(StandardCharsets.UTF_8);
    RawSocket.Response response =
        signedRequest("POST", "/" + BUCKET + "?delete=", body, body.length);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>MalformedXML</Code>");
  }

  @Test
  void xmlExternalEntityIsNeverRead() throws Exception {
    Path secret = Files.writeString(coffer.dataDir().resolve("outside.txt"), "TOP-SECRET-CONTENT");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<Delete><Object><Key>&x;</Key></Object></Delete>";
    byte[] body = xxe.getBytes(StandardCharsets.UTF_8);
    RawSocket.Response response =
        signedRequest("POST", "/" + BUCKET + "?delete=", body, body.length);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>MalformedXML</Code>").doesNotContain("TOP-SECRET");
  }

  @Test
  void shortBodyTimesOutAndStoresNothing() throws Exception {
    byte[] half = new byte[50];
    try (RawSocket c = connect()) {
      c.write(signedHead("PUT", "/" + BUCKET + "/short", 100)).write(half);
      RawSocket.Response response = readOrNull(c);
      if (response != null) {
        assertThat(response.status()).isEqualTo(400);
      }
      assertThat(c.closedByServer()).isTrue();
    }
    try (S3Client client = coffer.client()) {
      assertThat(client.listObjectsV2(r -> r.bucket(BUCKET).prefix("short")).contents()).isEmpty();
    }
  }

  @Test
  void longerBodyThanDeclaredStoresTheDeclaredBytesOnly() throws Exception {
    try (RawSocket c = connect()) {
      c.write(signedHead("PUT", "/" + BUCKET + "/long", 10))
          .write("0123456789EXTRA-BYTES-THAT-ARE-NOT-HTTP\r\n\r\n");
      assertThat(c.readResponse().status()).isEqualTo(200);
      assertThat(c.readResponse().status()).isEqualTo(400); // the extra bytes, read as a request
    }
    try (S3Client client = coffer.client()) {
      assertThat(client.getObjectAsBytes(r -> r.bucket(BUCKET).key("long")).asUtf8String())
          .isEqualTo("0123456789");
    }
  }

  @Test
  void slowlorisIsDisconnected() throws Exception {
    try (RawSocket c = new RawSocket(port, Duration.ofMillis(200))) {
      byte[] head =
          "GET /coffer/health/live HTTP/1.1\r\nHost: x\r\nX-Slow: "
              .getBytes(StandardCharsets.US_ASCII);
      long start = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          c.write(new byte[] {i < head.length ? head[i] : (byte) 'a'});
          closed = c.closedByServer(); // also paces the trickle: one byte per 200 ms
        } catch (java.io.IOException reset) {
          closed = true;
        }
      }
      assertThat(closed).as("a client trickling its headers is cut off").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(READ_TIMEOUT.multipliedBy(5));
    }
  }

  @Test
  void connectionFloodStillLeavesRoomForHealthChecks() throws Exception {
    List<RawSocket> flood = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CONNECTIONS * 2; i++) {
        flood.add(connect());
      }
      try (RawSocket c = connect()) {
        RawSocket.Response response =
            c.write("GET /coffer/health/ready HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
        assertThat(response.status()).isEqualTo(200);
      }
      assertThat(coffer.server().s3OpenConnections()).isLessThanOrEqualTo(MAX_CONNECTIONS);
    } finally {
      for (RawSocket c : flood) {
        c.close();
      }
    }
  }

  private static RawSocket connect() throws Exception {
    return new RawSocket(port, Duration.ofSeconds(10));
  }

  private static RawSocket.Response readOrNull(RawSocket c) {
    try {
      return c.readResponse();
    } catch (java.io.IOException closed) {
      return null;
    }
  }

  private static RawSocket.Response signedRequest(
      String method, String pathAndQuery, byte[] body, long declared) throws Exception {
    try (RawSocket c = connect()) {
      c.write(signedHead(method, pathAndQuery, declared));
      try {
        c.write(body);
      } catch (java.io.IOException closedEarly) {
        // the server may answer and close before reading everything: that is the point
      }
      return c.readResponse();
    }
  }

  /** A request head signed with UNSIGNED-PAYLOAD, declaring {@code contentLength}. */
  private static String signedHead(String method, String pathAndQuery, long contentLength) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, String> query = new java.util.TreeMap<>();
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    String host = "127.0.0.1:" + port;
    SigV4Signer.HeaderSignature signature =
        SigV4Signer.sign(
            method,
            host,
            path,
            query,
            Map.of(),
            "UNSIGNED-PAYLOAD",
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "us-east-1",
            Instant.now());
    StringBuilder head =
        new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\n");
    signature
        .headersToAdd()
        .forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
    return head.toString();
  }
}
