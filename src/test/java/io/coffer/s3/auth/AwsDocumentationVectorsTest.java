package io.coffer.s3.auth;

import static io.coffer.s3.auth.AuthFixtures.ACCESS_KEY;
import static io.coffer.s3.auth.AuthFixtures.CREDENTIAL;
import static io.coffer.s3.auth.AuthFixtures.EMPTY_SHA256;
import static io.coffer.s3.auth.AuthFixtures.EXAMPLE_TIME;
import static io.coffer.s3.auth.AuthFixtures.REGION;
import static io.coffer.s3.auth.AuthFixtures.SECRET_KEY;
import static io.coffer.s3.auth.AuthFixtures.exampleVerifier;
import static io.coffer.s3.auth.AuthFixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.Headers;
import io.coffer.http.UriCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the AWS documentation ("Signature Calculations for the Authorization
 * Header", "Authenticating Requests: Using Query Parameters" and the two chunked-upload pages),
 * with the signatures AWS publishes. Every expected value below comes from those pages.
 */
class AwsDocumentationVectorsTest {
  private static final String HOST = "examplebucket.s3.amazonaws.com";
  private static final String DATE = "20130524T000000Z";
  private static final String CREDENTIAL_SCOPE =
      "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request";

  private static String authorization(String signedHeaders, String signature) {
    return "AWS4-HMAC-SHA256 "
        + CREDENTIAL_SCOPE
        + ",SignedHeaders="
        + signedHeaders
        + ",Signature="
        + signature;
  }

  @Test
  void getObjectCanonicalRequestAndStringToSign() {
    Headers h =
        headers(
            "Host",
            HOST,
            "Range",
            "bytes=0-9",
            "x-amz-content-sha256",
            EMPTY_SHA256,
            "x-amz-date",
            DATE);
    List<String> signed = List.of("host", "range", "x-amz-content-sha256", "x-amz-date");
    String canonical =
        CanonicalRequest.build(
            "GET",
            UriCodec.TOLERANT.canonicalPath("/test.txt"),
            "",
            CanonicalRequest.canonicalHeaders(h, signed),
            String.join(";", signed),
            EMPTY_SHA256);
    assertThat(canonical)
        .isEqualTo(
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                + "x-amz-content-sha256:"
                + EMPTY_SHA256
                + "\nx-amz-date:20130524T000000Z\n\n"
                + "host;range;x-amz-content-sha256;x-amz-date\n"
                + EMPTY_SHA256);
    assertThat(CanonicalRequest.stringToSign(DATE, "20130524/us-east-1/s3/aws4_request", canonical))
        .isEqualTo(
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                + "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
  }

  @Test
  void getObjectWithRange() {
    String signature = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    Headers h =
        headers(
            "Host",
            HOST,
            "Range",
            "bytes=0-9",
            "x-amz-content-sha256",
            EMPTY_SHA256,
            "x-amz-date",
            DATE,
            "Authorization",
            authorization("host;range;x-amz-content-sha256;x-amz-date", signature));
    AuthResult result = exampleVerifier().verify(new SignedRequest("GET", "/test.txt", null, h));
    assertThat(result.credential()).isEqualTo(CREDENTIAL);
    assertThat(result.payloadMode()).isEqualTo(PayloadMode.SIGNED);
    assertThat(result.expectedPayloadSha256()).isEqualTo(EMPTY_SHA256);
    assertThat(result.presigned()).isFalse();

    var signer =
        SigV4Signer.sign(
            "GET",
            HOST,
            "/test.txt",
            Map.of(),
            Map.of("Range", "bytes=0-9"),
            EMPTY_SHA256,
            ACCESS_KEY,
            SECRET_KEY,
            REGION,
            EXAMPLE_TIME);
    assertThat(signer.signature()).isEqualTo(signature);
  }

  @Test
  void putObjectWithDollarInKey() {
    String payloadHash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
    assertThat(Hashing.sha256Hex("Welcome to Amazon S3.")).isEqualTo(payloadHash);
    String signature = "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd";
    Headers h =
        headers(
            "Host",
            HOST,
            "Date",
            "Fri, 24 May 2013 00:00:00 GMT",
            "x-amz-date",
            DATE,
            "x-amz-storage-class",
            "REDUCED_REDUNDANCY",
            "x-amz-content-sha256",
            payloadHash,
            "Authorization",
            authorization(
                "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class", signature));
    // The key is test$file.text; clients may or may not escape the '$' on the wire.
    for (String path : List.of("/test%24file.text", "/test$file.text")) {
      AuthResult result = exampleVerifier().verify(new SignedRequest("PUT", path, null, h));
      assertThat(result.expectedPayloadSha256()).isEqualTo(payloadHash);
    }
    var signed =
        SigV4Signer.sign(
            "PUT",
            HOST,
            "/test%24file.text",
            Map.of(),
            Map.of(
                "Date",
                "Fri, 24 May 2013 00:00:00 GMT",
                "x-amz-storage-class",
                "REDUCED_REDUNDANCY"),
            payloadHash,
            ACCESS_KEY,
            SECRET_KEY,
            REGION,
            EXAMPLE_TIME);
    assertThat(signed.authorization())
        .isEqualTo(
            "AWS4-HMAC-SHA256 "
                + CREDENTIAL_SCOPE
                + ", SignedHeaders=date;host;"
                + "x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature="
                + signature);
  }

  @Test
  void getBucketLifecycle() {
    String signature = "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543";
    Headers h =
        headers(
            "Host",
            HOST,
            "x-amz-date",
            DATE,
            "x-amz-content-sha256",
            EMPTY_SHA256,
            "Authorization",
            authorization("host;x-amz-content-sha256;x-amz-date", signature));
    exampleVerifier().verify(new SignedRequest("GET", "/", "lifecycle", h));
    exampleVerifier().verify(new SignedRequest("GET", "/", "lifecycle=", h));
    assertThat(
            SigV4Signer.sign(
                    "GET",
                    HOST,
                    "/",
                    Map.of("lifecycle", ""),
                    Map.of(),
                    EMPTY_SHA256,
                    ACCESS_KEY,
                    SECRET_KEY,
                    REGION,
                    EXAMPLE_TIME)
                .signature())
        .isEqualTo(signature);
  }

  @Test
  void listObjects() {
    String signature = "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7";
    Headers h =
        headers(
            "Host",
            HOST,
            "x-amz-date",
            DATE,
            "x-amz-content-sha256",
            EMPTY_SHA256,
            "Authorization",
            authorization("host;x-amz-content-sha256;x-amz-date", signature));
    for (String query :
        List.of("max-keys=2&prefix=J", "prefix=J&max-keys=2", "prefix=%4A&max-keys=2")) {
      exampleVerifier().verify(new SignedRequest("GET", "/", query, h));
    }
    var signed =
        SigV4Signer.sign(
            "GET",
            HOST,
            "/",
            new java.util.LinkedHashMap<>(Map.of("prefix", "J", "max-keys", "2")),
            Map.of(),
            EMPTY_SHA256,
            ACCESS_KEY,
            SECRET_KEY,
            REGION,
            EXAMPLE_TIME);
    assertThat(signed.signature()).isEqualTo(signature);
  }

  private static final String PRESIGNED_URL =
      "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
          + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
          + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
          + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

  @Test
  void presignedUrl() {
    assertThat(
            SigV4Signer.presign(
                "GET",
                "https://examplebucket.s3.amazonaws.com",
                null,
                "test.txt",
                Map.of(),
                ACCESS_KEY,
                SECRET_KEY,
                REGION,
                EXAMPLE_TIME,
                86400))
        .isEqualTo(PRESIGNED_URL);
    String target = PRESIGNED_URL.substring("https://examplebucket.s3.amazonaws.com".length());
    AuthResult result =
        exampleVerifier().verify(SignedRequest.of("GET", target, headers("Host", HOST)));
    assertThat(result.presigned()).isTrue();
    assertThat(result.credential()).isEqualTo(CREDENTIAL);
    assertThat(result.payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
    assertThat(result.presignedQuery()).containsEntry("X-Amz-Expires", "86400");
  }

  private static final String SEED =
      "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
  private static final String[] CHUNK_SIGNATURES = {
    "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
    "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
    "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"
  };

  static Headers streamingHeaders() {
    return headers(
        "Host",
        "s3.amazonaws.com",
        "x-amz-date",
        DATE,
        "x-amz-storage-class",
        "REDUCED_REDUNDANCY",
        "x-amz-content-sha256",
        "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        "Content-Encoding",
        "aws-chunked",
        "x-amz-decoded-content-length",
        "66560",
        "Content-Length",
        "66824",
        "Authorization",
        authorization(
            "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-decoded-content-length;x-amz-storage-class",
            SEED));
  }

  /** The documented body: 64 KiB and 1 KiB of 'a' and the final empty chunk. */
  static byte[] streamingBody(String[] signatures, String trailer) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] a = new byte[65536];
    Arrays.fill(a, (byte) 'a');
    body.writeBytes(
        ("10000;chunk-signature=" + signatures[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(a);
    body.writeBytes(
        ("\r\n400;chunk-signature=" + signatures[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
    body.write(a, 0, 1024);
    body.writeBytes(
        ("\r\n0;chunk-signature=" + signatures[2] + "\r\n" + trailer + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  @Test
  void streamingPutSeedAndChunks() throws Exception {
    Headers h = streamingHeaders();
    AuthResult result =
        exampleVerifier()
            .verify(new SignedRequest("PUT", "/examplebucket/chunkObject.txt", null, h));
    assertThat(result.payloadMode()).isEqualTo(PayloadMode.STREAMING_SIGNED);
    assertThat(result.streaming().seedSignature()).isEqualTo(SEED);

    byte[] body = streamingBody(CHUNK_SIGNATURES, "");
    assertThat(body).hasSize(66824);
    try (var in = AwsChunkedInputStream.open(result, new ByteArrayInputStream(body), h)) {
      byte[] decoded = in.readAllBytes();
      assertThat(decoded).hasSize(66560);
      for (byte b : decoded) {
        assertThat(b).isEqualTo((byte) 'a');
      }
      assertThat(in.trailers()).isEmpty();
    }
  }

  @Test
  void streamingPutSignedBySigner() {
    var signed =
        SigV4Signer.sign(
            "PUT",
            "s3.amazonaws.com",
            "/examplebucket/chunkObject.txt",
            Map.of(),
            Map.of(
                "x-amz-storage-class",
                "REDUCED_REDUNDANCY",
                "content-encoding",
                "aws-chunked",
                "x-amz-decoded-content-length",
                "66560",
                "content-length",
                "66824"),
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            ACCESS_KEY,
            SECRET_KEY,
            REGION,
            EXAMPLE_TIME);
    assertThat(signed.signature()).isEqualTo(SEED);
    StreamingContext context = signed.streaming();
    byte[] a = new byte[65536];
    Arrays.fill(a, (byte) 'a');
    String first = SigV4Signer.chunkSignature(context, SEED, a, 0, 65536);
    String second = SigV4Signer.chunkSignature(context, first, a, 0, 1024);
    String last = SigV4Signer.chunkSignature(context, second, a, 0, 0);
    assertThat(new String[] {first, second, last}).containsExactly(CHUNK_SIGNATURES);

    byte[] data = new byte[66560];
    Arrays.fill(data, (byte) 'a');
    assertThat(AwsChunkedEncoder.encode(context, data, 65536, null))
        .isEqualTo(streamingBody(CHUNK_SIGNATURES, ""));
  }

  /**
   * The trailer example: its seed signature is taken as given (the documented request headers it
   * signs are inconsistent between versions of the page); the chain from it, the trailer's
   * canonical form and its signature are the documented ones.
   */
  @Test
  void streamingPutWithSignedTrailer() throws Exception {
    String seed = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";
    String[] signatures = {
      "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
      "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
      "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992"
    };
    String trailer =
        "x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:"
            + "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n";
    StreamingContext context =
        new StreamingContext(
            SigningKeys.derive(SECRET_KEY, "20130524", REGION, "s3"),
            "20130524/us-east-1/s3/aws4_request",
            DATE,
            seed);
    AuthResult auth =
        new AuthResult(
            CREDENTIAL, PayloadMode.STREAMING_SIGNED_TRAILER, null, false, Map.of(), context);
    Headers h =
        headers("x-amz-decoded-content-length", "66560", "x-amz-trailer", "x-amz-checksum-crc32c");
    byte[] body = streamingBody(signatures, trailer);
    try (var in = AwsChunkedInputStream.open(auth, new ByteArrayInputStream(body), h)) {
      assertThat(in.readAllBytes()).hasSize(66560);
      assertThat(in.trailers()).containsExactly(Map.entry("x-amz-checksum-crc32c", "sOO8/Q=="));
    }
    byte[] data = new byte[66560];
    Arrays.fill(data, (byte) 'a');
    assertThat(
            AwsChunkedEncoder.encode(
                context, data, 65536, Map.of("x-amz-checksum-crc32c", "sOO8/Q==")))
        .isEqualTo(body);
  }
}
