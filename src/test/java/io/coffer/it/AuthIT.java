package io.coffer.it;

import static io.coffer.it.RawS3.errorCode;
import static io.coffer.it.RawS3.utf8;
import static io.coffer.it.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.s3.auth.AwsChunkedEncoder;
import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Signature V4 against a running server: every payload mode, and every way a request is refused. */
class AuthIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final String BUCKET = "auth";
  static final int CHUNK = 64 * 1024;
  static S3Client s3;
  static URI endpoint;

  @BeforeAll
  static void setUp() {
    s3 = coffer.client();
    s3.createBucket(b -> b.bucket(BUCKET));
    endpoint = coffer.s3Uri();
  }

  @AfterAll
  static void close() {
    s3.close();
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
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(expected);
  }

  static void assertAbsent(String key) {
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key(key)));
  }

  static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(errorCode(response)).isEqualTo(code);
    assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
  }

  static String crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** Signs a streaming upload, then frames {@code data} after that signature. */
  static HttpResponse<String> streamingPut(
      String key, String mode, byte[] data, Map<String, String> trailers, boolean tamperSecondChunk)
      throws Exception {
    RawS3 request =
        put(key)
            .payloadHash(mode)
            .header("Content-Encoding", "aws-chunked")
            .header("x-amz-decoded-content-length", Integer.toString(data.length));
    if (trailers != null) {
      request.header("x-amz-trailer", String.join(",", trailers.keySet()));
    }
    SigV4Signer.HeaderSignature signature = request.sign(new byte[0]);
    boolean signedChunks = mode.startsWith("STREAMING-AWS4-HMAC-SHA256");
    byte[] body = AwsChunkedEncoder.encode(signedChunks ? signature.streaming() : null, data, CHUNK, trailers);
    if (tamperSecondChunk) {
      body = flipSecondChunkSignature(body);
    }
    return request.send(signature, body);
  }

  /** Changes one hex digit of the second chunk's signature, leaving the framing intact. */
  static byte[] flipSecondChunkSignature(byte[] body) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String marker = ";chunk-signature=";
    int second = text.indexOf(marker, text.indexOf(marker) + 1) + marker.length();
    assertThat(second).isGreaterThan(CHUNK);
    byte[] tampered = body.clone();
    tampered[second] = (byte) (tampered[second] == '0' ? '1' : '0');
    return tampered;
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
    assertThat(put("unsigned").payloadHash("UNSIGNED-PAYLOAD").send(data).statusCode()).isEqualTo(200);
    assertStored("unsigned", data);
  }

  @Test
  void signedChunksWithoutTrailersAreAccepted() throws Exception {
    byte[] data = data(3 * CHUNK + 100, 3);
    var response = streamingPut("signed-chunks", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", data, null, false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertStored("signed-chunks", data);
  }

  @Test
  void signedChunksWithASignedChecksumTrailerAreAccepted() throws Exception {
    byte[] data = data(2 * CHUNK + 7, 4);
    var response =
        streamingPut(
            "signed-trailer", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", data,
            Map.of("x-amz-checksum-crc32", crc32(data)), false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-amz-checksum-crc32")).hasValue(crc32(data));
    assertStored("signed-trailer", data);
  }

  @Test
  void unsignedChunksWithAChecksumTrailerAreAccepted() throws Exception {
    byte[] data = data(2 * CHUNK + 9, 5);
    var response =
        streamingPut(
            "unsigned-trailer", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", data,
            Map.of("x-amz-checksum-crc32", crc32(data)), false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-amz-checksum-crc32")).hasValue(crc32(data));
    assertStored("unsigned-trailer", data);
  }

  @Test
  void unsignedChunksWithoutATrailerAreAccepted() throws Exception {
    byte[] data = data(CHUNK + 1, 6);
    var response = streamingPut("unsigned-no-trailer", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", data, null, false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertStored("unsigned-no-trailer", data);
  }

  @Test
  void presignedPutAndGetWork() throws Exception {
    byte[] data = utf8("uploaded through a presigned URL");
    String putUrl = RawS3.presign(endpoint, "PUT", BUCKET, "presigned/file.txt", Instant.now(), 300);
    assertThat(RawS3.sendUrl("PUT", putUrl, data).statusCode()).isEqualTo(200);
    String getUrl = RawS3.presign(endpoint, "GET", BUCKET, "presigned/file.txt", Instant.now(), 300);
    HttpResponse<String> got = RawS3.sendUrl("GET", getUrl, new byte[0]);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("uploaded through a presigned URL");
  }

  // ---- refusals ----

  @Test
  void aWrongSecretIsSignatureDoesNotMatch() throws Exception {
    var response = put("wrong-secret").as(CofferTestServer.ACCESS_KEY, "not-the-secret-key").send(utf8("x"));
    assertError(response, 403, "SignatureDoesNotMatch");
    assertAbsent("wrong-secret");
  }

  @Test
  void aSignedHeaderChangedAfterSigningIsSignatureDoesNotMatch() throws Exception {
    var response =
        put("tampered-header")
            .header("x-amz-meta-colour", "blue")
            .unsignedHeader("x-amz-meta-colour", "red")
            .send(utf8("x"));
    assertError(response, 403, "SignatureDoesNotMatch");
    assertAbsent("tampered-header");
  }

  @Test
  void anUnknownAccessKeyIsInvalidAccessKeyId() throws Exception {
    var response = put("unknown-key").as("NOSUCHACCESSKEY00000", CofferTestServer.SECRET_KEY).send(utf8("x"));
    assertError(response, 403, "InvalidAccessKeyId");
  }

  @Test
  void anAnonymousRequestIsAccessDenied() throws Exception {
    assertError(RawS3.sendUrl("GET", endpoint + "/" + BUCKET, new byte[0]), 403, "AccessDenied");
    assertError(RawS3.sendUrl("PUT", endpoint + "/" + BUCKET + "/anonymous", utf8("x")), 403, "AccessDenied");
    assertAbsent("anonymous");
  }

  @Test
  void aPresignedUrlLongerThanAWeekIsAuthorizationQueryParametersError() throws Exception {
    String url = RawS3.presign(endpoint, "GET", BUCKET, "k", Instant.now(), 3600);
    String tooLong = url.replace("X-Amz-Expires=3600", "X-Amz-Expires=604801");
    assertThat(tooLong).isNotEqualTo(url);
    assertError(RawS3.sendUrl("GET", tooLong, new byte[0]), 400, "AuthorizationQueryParametersError");
  }

  @Test
  void aMalformedPresignedQueryIsAuthorizationQueryParametersError() throws Exception {
    String url = RawS3.presign(endpoint, "GET", BUCKET, "k", Instant.now(), 3600);
    String badDate = url.replaceFirst("X-Amz-Date=[0-9TZ]+", "X-Amz-Date=yesterday");
    assertThat(badDate).isNotEqualTo(url);
    assertError(RawS3.sendUrl("GET", badDate, new byte[0]), 400, "AuthorizationQueryParametersError");
    String noCredential = url.replaceFirst("X-Amz-Credential=[^&]+&", "");
    assertThat(noCredential).isNotEqualTo(url);
    assertError(RawS3.sendUrl("GET", noCredential, new byte[0]), 400, "AuthorizationQueryParametersError");
  }

  @Test
  void anExpiredPresignedUrlIsAccessDeniedAsOnAws() throws Exception {
    // AWS answers 403 AccessDenied "Request has expired" (not ExpiredToken, which is for STS tokens).
    String url = RawS3.presign(endpoint, "GET", BUCKET, "k", Instant.now().minus(Duration.ofHours(2)), 60);
    HttpResponse<String> response = RawS3.sendUrl("GET", url, new byte[0]);
    assertError(response, 403, "AccessDenied");
    assertThat(response.body()).contains("Request has expired");
  }

  @Test
  void aClockTwentyMinutesOffIsRequestTimeTooSkewed() throws Exception {
    for (Duration offset : new Duration[] {Duration.ofMinutes(-20), Duration.ofMinutes(20)}) {
      var response = put("skewed").signedAt(Instant.now().plus(offset)).send(utf8("x"));
      assertError(response, 403, "RequestTimeTooSkewed");
    }
    assertAbsent("skewed");
  }

  @Test
  void aBodyThatDoesNotMatchItsSignedSha256IsXAmzContentSha256Mismatch() throws Exception {
    var response = put("sha-mismatch").payloadHash(RawS3.sha256Hex(utf8("another body"))).send(utf8("the body"));
    assertError(response, 400, "XAmzContentSHA256Mismatch");
    assertAbsent("sha-mismatch");
  }

  @Test
  void oneTamperedChunkSignatureMidStreamIsSignatureDoesNotMatchAndStoresNothing() throws Exception {
    byte[] data = data(4 * CHUNK, 7);
    var response =
        streamingPut("tampered-chunk", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", data, null, true);
    assertError(response, 403, "SignatureDoesNotMatch");
    assertAbsent("tampered-chunk");
  }

  @Test
  void aWrongChecksumTrailerIsBadDigestAndStoresNothing() throws Exception {
    byte[] data = data(2 * CHUNK + 3, 8);
    var response =
        streamingPut(
            "bad-trailer", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", data,
            Map.of("x-amz-checksum-crc32", crc32(utf8("something else"))), false);
    assertError(response, 400, "BadDigest");
    assertAbsent("bad-trailer");
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
