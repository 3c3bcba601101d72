package io.coffer.it.auth;

import static io.coffer.it.support.RawS3.utf8;
import static io.coffer.it.support.S3Assertions.assertS3Error;
import static io.coffer.it.support.StreamingUpload.crc32;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import io.coffer.it.support.StreamingUpload;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Signature V4 against a running server: every payload mode, and Expect: 100-continue. The ways a
 * request is refused are in {@link AuthMatrixIT}.
 */
class AuthIT {
  static final String BUCKET = "auth";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final int CHUNK = StreamingUpload.CHUNK;
  static S3Client s3;
  static URI endpoint;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    endpoint = coffer.s3Uri();
  }

  static RawS3 put(String key) {
    return RawS3.request(endpoint, "PUT", "/" + BUCKET + "/" + key);
  }

  static byte[] data(int size, int seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  static void assertStored(String key, byte[] expected) {
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray())
        .isEqualTo(expected);
  }

  static void assertAbsent(String key) {
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key(key)));
  }

  static HttpResponse<String> streamingPut(
      String key, String mode, byte[] data, Map<String, String> trailers) throws Exception {
    return StreamingUpload.put(
        endpoint, "/" + BUCKET + "/" + key, mode, data, trailers, body -> body);
  }

  // ---- the payload modes that must work ----

  @Test
  void aSignedHexSha256PayloadIsAccepted() throws Exception {
    byte[] data = data(10_000, 1);
    assertThat(put("hex").send(data).statusCode()).isEqualTo(200);
    assertStored("hex", data);
  }

  @Test
  void anUnsignedPayloadIsAccepted() throws Exception {
    byte[] data = data(10_000, 2);
    assertThat(put("unsigned").payloadHash("UNSIGNED-PAYLOAD").send(data).statusCode())
        .isEqualTo(200);
    assertStored("unsigned", data);
  }

  @Test
  void signedChunksWithoutTrailersAreAccepted() throws Exception {
    byte[] data = data(3 * CHUNK + 100, 3);
    var response = streamingPut("signed-chunks", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", data, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertStored("signed-chunks", data);
  }

  @Test
  void signedChunksWithASignedChecksumTrailerAreAccepted() throws Exception {
    byte[] data = data(2 * CHUNK + 7, 4);
    var response =
        streamingPut(
            "signed-trailer",
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            data,
            Map.of("x-amz-checksum-crc32", crc32(data)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-amz-checksum-crc32")).hasValue(crc32(data));
    assertStored("signed-trailer", data);
  }

  @Test
  void unsignedChunksWithAChecksumTrailerAreAccepted() throws Exception {
    byte[] data = data(2 * CHUNK + 9, 5);
    var response =
        streamingPut(
            "unsigned-trailer",
            "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
            data,
            Map.of("x-amz-checksum-crc32", crc32(data)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-amz-checksum-crc32")).hasValue(crc32(data));
    assertStored("unsigned-trailer", data);
  }

  @Test
  void unsignedChunksWithoutATrailerAreAccepted() throws Exception {
    byte[] data = data(CHUNK + 1, 6);
    var response =
        streamingPut("unsigned-no-trailer", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", data, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertStored("unsigned-no-trailer", data);
  }

  @Test
  void presignedPutAndGetWork() throws Exception {
    byte[] data = utf8("uploaded through a presigned URL");
    String putUrl =
        RawS3.presign(endpoint, "PUT", BUCKET, "presigned/file.txt", Instant.now(), 300);
    assertThat(RawS3.sendUrl("PUT", putUrl, data).statusCode()).isEqualTo(200);
    String getUrl =
        RawS3.presign(endpoint, "GET", BUCKET, "presigned/file.txt", Instant.now(), 300);
    HttpResponse<String> got = RawS3.sendUrl("GET", getUrl, new byte[0]);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("uploaded through a presigned URL");
  }

  // ---- Expect: 100-continue ----

  @Test
  void aBadSignatureIsRefusedBeforeTheBodyIsInvited() throws Exception {
    byte[] body = utf8("never sent");
    RawS3 request = put("continue-refused").as(CofferTestServer.ACCESS_KEY, "not-the-secret-key");
    try (RawSocket socket = new RawSocket(endpoint.getPort())) {
      socket.write(request.head(request.sign(body), body.length, "Expect: 100-continue"));
      RawSocket.Response response = socket.readResponse();
      assertThat(response.status()).isEqualTo(403); // and not 100: the body was never invited
      assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
      if ("close".equalsIgnoreCase(response.header("Connection"))) {
        assertThat(socket.closedByServer()).isTrue();
      } else {
        RawS3 next = RawS3.request(endpoint, "HEAD", "/" + BUCKET);
        socket.write(next.head(next.sign(new byte[0]), 0));
        assertThat(socket.readResponse().status()).isEqualTo(200);
      }
    }
    assertAbsent("continue-refused");
  }

  @Test
  void aGoodSignatureGets100ContinueThenStores() throws Exception {
    byte[] body = utf8("sent after 100 Continue");
    RawS3 request = put("continue-accepted");
    try (RawSocket socket = new RawSocket(endpoint.getPort())) {
      socket.write(request.head(request.sign(body), body.length, "Expect: 100-continue"));
      assertThat(socket.readResponse().status()).isEqualTo(100);
      socket.write(body);
      assertThat(socket.readResponse().status()).isEqualTo(200);
    }
    assertStored("continue-accepted", body);
  }
}
