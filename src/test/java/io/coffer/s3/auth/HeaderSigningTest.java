package io.coffer.s3.auth;

import static io.coffer.s3.auth.AuthFixtures.ACCESS_KEY;
import static io.coffer.s3.auth.AuthFixtures.EMPTY_SHA256;
import static io.coffer.s3.auth.AuthFixtures.EXAMPLE_TIME;
import static io.coffer.s3.auth.AuthFixtures.REGION;
import static io.coffer.s3.auth.AuthFixtures.SECRET_KEY;
import static io.coffer.s3.auth.AuthFixtures.assertFails;
import static io.coffer.s3.auth.AuthFixtures.exampleVerifier;
import static io.coffer.s3.auth.AuthFixtures.verifierAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.Headers;
import io.coffer.model.ErrorCode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Verification of header-signed requests: what is accepted and each way of being refused. */
class HeaderSigningTest {
  private static final String HOST = "bucket.example.test";

  /** A GET of /bucket/key signed with the given keys, as a mutable header map. */
  private static Map<String, String> signedHeaders(String accessKey, String secret, String region) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", HOST);
    headers.put("range", "bytes=0-9");
    var signed =
        SigV4Signer.sign(
            "GET",
            HOST,
            "/bucket/key",
            Map.of("versionId", "v1"),
            Map.of("range", "bytes=0-9"),
            EMPTY_SHA256,
            accessKey,
            secret,
            region,
            EXAMPLE_TIME);
    headers.putAll(signed.headersToAdd());
    return headers;
  }

  private static Map<String, String> signedHeaders() {
    return signedHeaders(ACCESS_KEY, SECRET_KEY, REGION);
  }

  private static SignedRequest request(Map<String, String> headers) {
    return new SignedRequest("GET", "/bucket/key", "versionId=v1", Headers.ofSingleValues(headers));
  }

  private static Map<String, String> withAuthorization(UnaryOperator<String> change) {
    Map<String, String> headers = signedHeaders();
    headers.put("authorization", change.apply(headers.get("authorization")));
    return headers;
  }

  @Test
  void acceptsAValidRequest() {
    AuthResult result = exampleVerifier().verify(request(signedHeaders()));
    assertThat(result.credential().accessKey()).isEqualTo(ACCESS_KEY);
    assertThat(result.expectedPayloadSha256()).isEqualTo(EMPTY_SHA256);
    assertThat(result.streaming()).isNull();
    assertThat(result.toString()).doesNotContain(SECRET_KEY);
  }

  @Test
  void toleratesSpacingAndOrderOfComponents() {
    Map<String, String> headers = signedHeaders();
    String auth = headers.get("authorization");
    String credential = between(auth, "Credential=", ",");
    String signedHeaders = between(auth, "SignedHeaders=", ",");
    String signature = auth.substring(auth.indexOf("Signature=") + 10);
    for (String variant :
        List.of(
            "AWS4-HMAC-SHA256 Signature="
                + signature
                + ",Credential="
                + credential
                + ",SignedHeaders="
                + signedHeaders,
            "AWS4-HMAC-SHA256   Credential="
                + credential
                + " ,  SignedHeaders="
                + signedHeaders
                + " , Signature="
                + signature
                + " ")) {
      headers.put("authorization", variant);
      exampleVerifier().verify(request(headers));
    }
  }

  private static String between(String s, String start, String end) {
    int from = s.indexOf(start) + start.length();
    return s.substring(from, s.indexOf(end, from));
  }

  @Test
  void wrongSecretDoesNotMatch() {
    assertFails(
        () ->
            exampleVerifier().verify(request(signedHeaders(ACCESS_KEY, "not-the-secret", REGION))),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
  }

  @Test
  void unknownOrInactiveAccessKey() {
    assertFails(
        () -> exampleVerifier().verify(request(signedHeaders("AKIDUNKNOWN", SECRET_KEY, REGION))),
        ErrorCode.INVALID_ACCESS_KEY_ID);
    assertFails(
        () -> exampleVerifier().verify(request(signedHeaders("AKIDINACTIVE", SECRET_KEY, REGION))),
        ErrorCode.INVALID_ACCESS_KEY_ID);
  }

  /** Regression: s3cmd's default configuration signs with the legacy region name "US". */
  @Test
  void legacyUsRegionOfS3cmdIsUsEast1() {
    AuthResult result =
        exampleVerifier().verify(request(signedHeaders(ACCESS_KEY, SECRET_KEY, "US")));
    assertThat(result.credential().accessKey()).isEqualTo(ACCESS_KEY);
  }

  @Test
  void wrongRegionServiceTerminatorOrDateInScope() {
    assertFails(
            () ->
                exampleVerifier()
                    .verify(request(signedHeaders(ACCESS_KEY, SECRET_KEY, "eu-west-1"))),
            ErrorCode.AUTHORIZATION_HEADER_MALFORMED)
        .hasMessageContaining("the region 'eu-west-1' is wrong; expecting 'us-east-1'");
    assertFails(
            () ->
                exampleVerifier()
                    .verify(
                        request(
                            withAuthorization(
                                a -> a.replace("/s3/aws4_request", "/ec2/aws4_request")))),
            ErrorCode.AUTHORIZATION_HEADER_MALFORMED)
        .hasMessageContaining("incorrect service");
    assertFails(
            () ->
                exampleVerifier()
                    .verify(
                        request(
                            withAuthorization(
                                a -> a.replace("/s3/aws4_request", "/s3/aws5_request")))),
            ErrorCode.AUTHORIZATION_HEADER_MALFORMED)
        .hasMessageContaining("incorrect terminal");
    assertFails(
            () ->
                exampleVerifier()
                    .verify(request(withAuthorization(a -> a.replace("/20130524/", "/20130523/")))),
            ErrorCode.AUTHORIZATION_HEADER_MALFORMED)
        .hasMessageContaining("Invalid credential date");
  }

  @Test
  void malformedAuthorizationHeaders() {
    for (UnaryOperator<String> change :
        List.<UnaryOperator<String>>of(
            a -> a.substring(0, a.indexOf(", Signature=")),
            a -> a.replace("Credential=", "Credentials="),
            a -> a.replace("Credential=" + ACCESS_KEY + "/", "Credential="),
            a -> a.replace("SignedHeaders=", "SignedHeaders=;"),
            a -> a + ", Signature=00",
            a -> "AWS4-HMAC-SHA256",
            a -> "AWS4-HMAC-SHA256 garbage")) {
      assertFails(
          () -> exampleVerifier().verify(request(withAuthorization(change))),
          ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
    }
  }

  @Test
  void otherAuthorizationSchemes() {
    assertFails(
        () ->
            exampleVerifier()
                .verify(
                    request(
                        withAuthorization(
                            a -> "AWS " + ACCESS_KEY + ":frJIUN8DYpKDtOLCwo//yllqDzg="))),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertFails(
        () -> exampleVerifier().verify(request(withAuthorization(a -> "Bearer token"))),
        ErrorCode.INVALID_ARGUMENT);
    assertFails(
        () ->
            exampleVerifier()
                .verify(
                    request(
                        withAuthorization(
                            a -> a.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256")))),
        ErrorCode.NOT_IMPLEMENTED);
  }

  @Test
  void tamperedRequestsDoNotMatch() {
    Map<String, String> headers = signedHeaders();
    headers.put("range", "bytes=0-99");
    assertFails(
        () -> exampleVerifier().verify(request(headers)), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    Headers valid = Headers.ofSingleValues(signedHeaders());
    for (SignedRequest tampered :
        List.of(
            new SignedRequest("DELETE", "/bucket/key", "versionId=v1", valid),
            new SignedRequest("GET", "/bucket/key2", "versionId=v1", valid),
            new SignedRequest("GET", "/bucket/key", "versionId=v2", valid),
            new SignedRequest("GET", "/bucket/key", "versionId=v1&x=1", valid))) {
      assertFails(() -> exampleVerifier().verify(tampered), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    for (UnaryOperator<String> change :
        List.<UnaryOperator<String>>of(
            a -> a.substring(0, a.length() - 1) + (a.endsWith("0") ? "1" : "0"),
            a -> a.substring(0, a.length() - 1),
            a ->
                a.substring(0, a.indexOf("Signature=") + 10)
                    + a.substring(a.indexOf("Signature=") + 10).toUpperCase())) {
      assertFails(
          () -> exampleVerifier().verify(request(withAuthorization(change))),
          ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
  }

  @Test
  void unsignedAmzHeaderOrHostIsRefused() {
    Map<String, String> headers = signedHeaders();
    headers.put("X-Amz-Meta-Late", "added after signing");
    assertFails(() -> exampleVerifier().verify(request(headers)), ErrorCode.ACCESS_DENIED)
        .hasMessage("There were headers present in the request which were not signed");
    assertFails(
        () ->
            exampleVerifier()
                .verify(
                    request(
                        withAuthorization(
                            a -> a.replace("SignedHeaders=host;", "SignedHeaders=")))),
        ErrorCode.ACCESS_DENIED);
  }

  @Test
  void dateIsRequiredAndMustBeCloseToTheClock() {
    Map<String, String> noDate = signedHeaders();
    noDate.remove("x-amz-date");
    assertFails(() -> exampleVerifier().verify(request(noDate)), ErrorCode.ACCESS_DENIED)
        .hasMessageContaining("Date or x-amz-date");
    Map<String, String> badDate = signedHeaders();
    badDate.put("x-amz-date", "2013-05-24T00:00:00Z");
    assertFails(() -> exampleVerifier().verify(request(badDate)), ErrorCode.ACCESS_DENIED);

    Duration allowed = Duration.ofMinutes(15);
    verifierAt(EXAMPLE_TIME.plus(allowed)).verify(request(signedHeaders()));
    verifierAt(EXAMPLE_TIME.minus(allowed)).verify(request(signedHeaders()));
    for (var now :
        List.of(
            EXAMPLE_TIME.plus(allowed).plusSeconds(1),
            EXAMPLE_TIME.minus(allowed).minusSeconds(1))) {
      assertFails(
          () -> verifierAt(now).verify(request(signedHeaders())),
          ErrorCode.REQUEST_TIME_TOO_SKEWED);
    }
  }

  @Test
  void contentSha256IsRequiredAndChecked() {
    Map<String, String> missing = signedHeaders();
    missing.remove("x-amz-content-sha256");
    assertFails(() -> exampleVerifier().verify(request(missing)), ErrorCode.INVALID_REQUEST)
        .hasMessage("Missing required header for this request: x-amz-content-sha256");
    Map<String, String> invalid = signedHeaders();
    invalid.put("x-amz-content-sha256", "abc");
    assertFails(() -> exampleVerifier().verify(request(invalid)), ErrorCode.INVALID_ARGUMENT);
    Map<String, String> sigv4a = signedHeaders();
    sigv4a.put("x-amz-content-sha256", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD");
    assertFails(() -> exampleVerifier().verify(request(sigv4a)), ErrorCode.NOT_IMPLEMENTED);
  }

  @Test
  void payloadModesAreReported() {
    for (PayloadMode mode :
        List.of(
            PayloadMode.UNSIGNED,
            PayloadMode.STREAMING_SIGNED,
            PayloadMode.STREAMING_UNSIGNED_TRAILER,
            PayloadMode.STREAMING_SIGNED_TRAILER)) {
      var signed =
          SigV4Signer.sign(
              "PUT",
              HOST,
              "/bucket/key",
              Map.of(),
              Map.of(),
              mode.headerValue(),
              ACCESS_KEY,
              SECRET_KEY,
              REGION,
              EXAMPLE_TIME);
      Map<String, String> headers = new HashMap<>(signed.headersToAdd());
      headers.put("host", HOST);
      AuthResult result =
          exampleVerifier()
              .verify(
                  new SignedRequest("PUT", "/bucket/key", null, Headers.ofSingleValues(headers)));
      assertThat(result.payloadMode()).isEqualTo(mode);
      assertThat(result.expectedPayloadSha256()).isNull();
      assertThat(result.streaming() != null).isEqualTo(mode.chunksSigned());
      if (result.streaming() != null) {
        assertThat(result.streaming().seedSignature()).isEqualTo(signed.signature());
        assertThat(result.toString()).doesNotContain(SECRET_KEY);
      }
    }
  }

  @Test
  void repeatedHeadersAreJoinedAndValuesTrimmed() {
    var signed =
        SigV4Signer.sign(
            "GET",
            HOST,
            "/bucket/key",
            Map.of(),
            Map.of("x-amz-meta-list", "a,b", "x-amz-meta-spaced", "one two"),
            EMPTY_SHA256,
            ACCESS_KEY,
            SECRET_KEY,
            REGION,
            EXAMPLE_TIME);
    Map<String, List<String>> headers = new HashMap<>();
    signed.headersToAdd().forEach((k, v) -> headers.put(k, List.of(v)));
    headers.put("Host", List.of(HOST));
    headers.put("X-Amz-Meta-List", List.of("a", " b "));
    headers.put("x-amz-meta-spaced", List.of("  one    two "));
    exampleVerifier().verify(new SignedRequest("GET", "/bucket/key", null, Headers.of(headers)));
  }

  @Test
  void anonymousAndAmbiguousRequests() {
    assertThat(
            exampleVerifier()
                .verify(
                    new SignedRequest(
                        "GET", "/bucket/key", "a=b", Headers.ofSingleValues(Map.of("host", HOST))))
                .isAnonymous())
        .isTrue();
    Map<String, String> headers = signedHeaders();
    assertFails(
        () ->
            exampleVerifier()
                .verify(
                    new SignedRequest(
                        "GET",
                        "/bucket/key",
                        "versionId=v1&X-Amz-Signature=00",
                        Headers.ofSingleValues(headers))),
        ErrorCode.INVALID_ARGUMENT);
    assertFails(
        () ->
            exampleVerifier()
                .verify(
                    new SignedRequest(
                        "GET",
                        "/bucket/key",
                        "AWSAccessKeyId=AK&Expires=1&Signature=x",
                        Headers.ofSingleValues(Map.of()))),
        ErrorCode.EXPIRED_TOKEN);
  }
}
