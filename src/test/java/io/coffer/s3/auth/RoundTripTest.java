package io.coffer.s3.auth;

import static io.coffer.s3.auth.AuthFixtures.ACCESS_KEY;
import static io.coffer.s3.auth.AuthFixtures.EXAMPLE_TIME;
import static io.coffer.s3.auth.AuthFixtures.REGION;
import static io.coffer.s3.auth.AuthFixtures.SECRET_KEY;
import static io.coffer.s3.auth.AuthFixtures.exampleVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.Headers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link SigV4Signer} signs, {@link SigV4Verifier} accepts, whatever the key or query. */
class RoundTripTest {
  private static final String HOST = "localhost:9000";

  private static SignedRequest headerSigned(
      String method, String rawPath, Map<String, String> query, String payloadHash) {
    var signed =
        SigV4Signer.sign(
            method,
            HOST,
            rawPath,
            query,
            Map.of("x-amz-meta-note", "  spaced   out  "),
            payloadHash,
            ACCESS_KEY,
            SECRET_KEY,
            REGION,
            EXAMPLE_TIME);
    Map<String, String> headers = new HashMap<>(signed.headersToAdd());
    headers.put("Host", HOST);
    headers.put("X-Amz-Meta-Note", "  spaced   out  ");
    headers.put("User-Agent", "not signed, and need not be");
    return new SignedRequest(method, rawPath, signed.rawQuery(), Headers.ofSingleValues(headers));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain.txt",
        "with space.txt",
        "plus+sign",
        "100%",
        "percent%2Fliteral",
        "a//double//slash",
        "../dot/./dots/..",
        "ключ/キー/🔑",
        "tilde~and-._",
        "q?x=1&y=2#frag",
        "trailing/",
        "/leading",
        "tab\tand\nnewline",
        "*'()!$&,;=:@[]"
      })
  void keys(String key) {
    String rawPath = SigV4Signer.encodePath("/bucket/" + key);
    AuthResult header =
        exampleVerifier().verify(headerSigned("PUT", rawPath, Map.of(), AuthFixtures.EMPTY_SHA256));
    assertThat(header.credential().accessKey()).isEqualTo(ACCESS_KEY);

    String url =
        SigV4Signer.presign(
            "GET",
            "http://" + HOST,
            "bucket",
            key,
            Map.of("hash", "abc"),
            ACCESS_KEY,
            SECRET_KEY,
            REGION,
            EXAMPLE_TIME,
            600);
    AuthResult presigned =
        exampleVerifier()
            .verify(
                SignedRequest.of(
                    "GET",
                    url.substring(("http://" + HOST).length()),
                    AuthFixtures.headers("host", HOST)));
    assertThat(presigned.presignedQuery()).containsEntry("hash", "abc");
  }

  @Test
  void otherEscapingsOfTheSamePathAndQueryVerify() {
    String key = "dir/a b+c~d";
    Map<String, String> query = new LinkedHashMap<>();
    query.put("prefix", "a b=c&d");
    query.put("marker", "x+y/z");
    query.put("empty", "");
    query.put("unicode", "ключ");
    SignedRequest signed =
        headerSigned(
            "GET", SigV4Signer.encodePath("/bucket/" + key), query, AuthFixtures.EMPTY_SHA256);
    exampleVerifier().verify(signed);
    // Every byte escaped, lower-case hex, and '+' for space in the query are all the same request.
    StringBuilder everyByte = new StringBuilder();
    for (byte b : ("/bucket/" + key).getBytes(StandardCharsets.UTF_8)) {
      everyByte.append(b == '/' ? "/" : String.format("%%%02x", b & 0xff));
    }
    String plusQuery = SigV4Signer.encodeQuery(query).replace("%20", "+");
    exampleVerifier()
        .verify(new SignedRequest("GET", everyByte.toString(), plusQuery, signed.headers()));
  }

  @Test
  void rawUtf8BytesVerifyLikeTheirEscapes() {
    // Signed as clients sign "café": escaped. Sent raw, its UTF-8 bytes arrive one char per byte,
    // and the verifier canonicalises them to the same escapes (it used to re-encode each char, so
    // the canonical request held "%C3%83%C2%A9" and no client's signature matched).
    SignedRequest signed =
        headerSigned(
            "GET", "/bucket/caf%C3%A9", Map.of("prefix", "café"), AuthFixtures.EMPTY_SHA256);
    String rawE = "\u00c3\u00a9";
    AuthResult raw =
        exampleVerifier()
            .verify(
                new SignedRequest(
                    "GET", "/bucket/caf" + rawE, "prefix=caf" + rawE, signed.headers()));
    assertThat(raw.credential().accessKey()).isEqualTo(ACCESS_KEY);
  }

  @Test
  void queryValuesWithReservedCharacters() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("a", "x=y&z");
    query.put("b", "with space");
    query.put("c&d", "e");
    query.put("uploads", "");
    SignedRequest request = headerSigned("POST", "/bucket/k", query, "UNSIGNED-PAYLOAD");
    assertThat(SigV4Signer.encodeQuery(query))
        .isEqualTo("a=x%3Dy%26z&b=with%20space&c%26d=e&uploads=");
    exampleVerifier().verify(request);
    String url =
        SigV4Signer.presign(
            "PUT",
            "http://" + HOST,
            "bucket",
            "k",
            query,
            ACCESS_KEY,
            SECRET_KEY,
            REGION,
            EXAMPLE_TIME,
            60);
    AuthResult result =
        exampleVerifier()
            .verify(
                SignedRequest.of(
                    "PUT",
                    url.substring(("http://" + HOST).length()),
                    AuthFixtures.headers("host", HOST)));
    assertThat(result.presignedQuery()).containsEntry("a", "x=y&z").containsEntry("c&d", "e");
  }

  @Test
  void randomKeysAndQueries() {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      String key = randomText(random, 1 + random.nextInt(40));
      Map<String, String> query = new LinkedHashMap<>();
      for (int p = random.nextInt(4); p > 0; p--) {
        query.put(
            randomText(random, 1 + random.nextInt(8)), randomText(random, random.nextInt(12)));
      }
      exampleVerifier()
          .verify(
              headerSigned(
                  "GET", SigV4Signer.encodePath("/b/" + key), query, AuthFixtures.EMPTY_SHA256));
      String url =
          SigV4Signer.presign(
              "GET",
              "http://" + HOST,
              "b",
              key,
              query,
              ACCESS_KEY,
              SECRET_KEY,
              REGION,
              EXAMPLE_TIME,
              60);
      exampleVerifier()
          .verify(
              SignedRequest.of(
                  "GET",
                  url.substring(("http://" + HOST).length()),
                  AuthFixtures.headers("host", HOST)));
    }
  }

  private static final String ALPHABET =
      "aZ09 +%/.~-_=&?#:@!$'()*,;[]\\\"<>{}|^`" + "ключキー🔑\u00e9";

  private static String randomText(Random random, int length) {
    int[] codePoints = ALPHABET.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return out.toString();
  }

  @Test
  void streamingUploadRoundTrip() throws Exception {
    byte[] data = new byte[1_000_000];
    new Random(3).nextBytes(data);
    for (PayloadMode mode :
        List.of(
            PayloadMode.STREAMING_SIGNED,
            PayloadMode.STREAMING_SIGNED_TRAILER,
            PayloadMode.STREAMING_UNSIGNED_TRAILER)) {
      Map<String, String> extra = new HashMap<>();
      extra.put("x-amz-decoded-content-length", Integer.toString(data.length));
      if (mode.hasTrailer()) {
        extra.put("x-amz-trailer", "x-amz-checksum-crc32");
      }
      var signed =
          SigV4Signer.sign(
              "PUT",
              HOST,
              "/bucket/big",
              Map.of(),
              extra,
              mode.headerValue(),
              ACCESS_KEY,
              SECRET_KEY,
              REGION,
              EXAMPLE_TIME);
      Map<String, String> headers = new HashMap<>(extra);
      headers.putAll(signed.headersToAdd());
      headers.put("host", HOST);
      Headers requestHeaders = Headers.ofSingleValues(headers);
      AuthResult auth =
          exampleVerifier().verify(new SignedRequest("PUT", "/bucket/big", null, requestHeaders));
      byte[] body =
          AwsChunkedEncoder.encode(
              mode.chunksSigned() ? signed.streaming() : null,
              data,
              65536,
              mode.hasTrailer() ? Map.of("x-amz-checksum-crc32", "AAAAAA==") : null);
      try (var in =
          AwsChunkedInputStream.open(auth, new ByteArrayInputStream(body), requestHeaders)) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
    }
  }
}
