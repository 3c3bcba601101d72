package io.coffer.s3.auth;

import static io.coffer.s3.auth.AuthFixtures.ACCESS_KEY;
import static io.coffer.s3.auth.AuthFixtures.EXAMPLE_TIME;
import static io.coffer.s3.auth.AuthFixtures.REGION;
import static io.coffer.s3.auth.AuthFixtures.SECRET_KEY;
import static io.coffer.s3.auth.AuthFixtures.assertFails;
import static io.coffer.s3.auth.AuthFixtures.exampleVerifier;
import static io.coffer.s3.auth.AuthFixtures.verifierAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verification of presigned URLs (query-string SigV4). */
class PresignedUrlTest {
  private static final String ENDPOINT = "http://localhost:9000";
  private static final String HOST = "localhost:9000";

  private static String presign(String method, long expires) {
    return SigV4Signer.presign(
        method,
        ENDPOINT,
        "photos",
        "2024/cat pic.jpg",
        Map.of("hash", "h-123"),
        ACCESS_KEY,
        SECRET_KEY,
        REGION,
        EXAMPLE_TIME,
        expires);
  }

  private static SignedRequest request(String method, String url, String... extraHeaders) {
    String target = url.substring(ENDPOINT.length());
    String[] headers = new String[extraHeaders.length + 2];
    headers[0] = "Host";
    headers[1] = HOST;
    System.arraycopy(extraHeaders, 0, headers, 2, extraHeaders.length);
    return SignedRequest.of(method, target, AuthFixtures.headers(headers));
  }

  private static AuthResult verify(Instant now, String url) {
    return verifierAt(now).verify(request("GET", url));
  }

  @Test
  void acceptsAndExposesTheTrackingParameter() {
    String url = presign("GET", 3600);
    assertThat(url)
        .startsWith("http://localhost:9000/photos/2024/cat%20pic.jpg?X-Amz-Algorithm=")
        .contains("&hash=h-123&X-Amz-Signature=");
    AuthResult result = verify(EXAMPLE_TIME, url);
    assertThat(result.presigned()).isTrue();
    assertThat(result.credential().accessKey()).isEqualTo(ACCESS_KEY);
    assertThat(result.payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
    assertThat(result.presignedQuery()).containsEntry("hash", "h-123");
  }

  @Test
  void expiresAfterItsLifetime() {
    String url = presign("GET", 3600);
    verify(EXAMPLE_TIME.plusSeconds(3600), url);
    assertFails(() -> verify(EXAMPLE_TIME.plusSeconds(3601), url), ErrorCode.EXPIRED_TOKEN)
        .hasMessage("Request has expired");
  }

  @Test
  void refusesUrlsDatedTooFarInTheFuture() {
    String url = presign("GET", 3600);
    verify(EXAMPLE_TIME.minusSeconds(15 * 60), url);
    assertFails(
        () -> verify(EXAMPLE_TIME.minusSeconds(15 * 60 + 1), url),
        ErrorCode.REQUEST_TIME_TOO_SKEWED);
  }

  @Test
  void lifetimeMustBeOneSecondToOneWeek() {
    String url = presign("GET", 3600);
    assertFails(
            () -> verify(EXAMPLE_TIME, url.replace("X-Amz-Expires=3600", "X-Amz-Expires=604801")),
            ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR)
        .hasMessage("X-Amz-Expires must be less than a week (in seconds) that is 604800");
    for (String bad : List.of("0", "-5", "soon", "")) {
      assertFails(
          () -> verify(EXAMPLE_TIME, url.replace("X-Amz-Expires=3600", "X-Amz-Expires=" + bad)),
          ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
    }
    assertThatThrownBy(() -> presign("GET", 604801)).isInstanceOf(IllegalArgumentException.class);
    verify(EXAMPLE_TIME, presign("GET", 604800));
  }

  @Test
  void tamperedQueryDoesNotMatch() {
    String url = presign("GET", 3600);
    for (String tampered :
        List.of(
            url.replace("hash=h-123", "hash=h-124"),
            url.replace("&hash=h-123", ""),
            url.replace("X-Amz-Expires=3600", "X-Amz-Expires=7200"),
            url + "&extra=1",
            url.replace("cat%20pic", "dog%20pic"))) {
      assertFails(() -> verify(EXAMPLE_TIME, tampered), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    assertFails(
        () -> verifierAt(EXAMPLE_TIME).verify(request("PUT", url)),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertFails(
        () ->
            verifierAt(EXAMPLE_TIME)
                .verify(
                    SignedRequest.of(
                        "GET",
                        url.substring(ENDPOINT.length()),
                        AuthFixtures.headers("Host", "elsewhere:9000"))),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
  }

  @Test
  void missingOrInvalidParameters() {
    String url = presign("GET", 3600);
    for (String name :
        List.of(
            "X-Amz-Algorithm",
            "X-Amz-Credential",
            "X-Amz-Date",
            "X-Amz-Expires",
            "X-Amz-SignedHeaders",
            "X-Amz-Signature")) {
      String without =
          url.replaceAll("[?&]" + name + "=[^&]*", url.contains("?" + name) ? "?" : "")
              .replace("?&", "?");
      assertFails(
              () -> verify(EXAMPLE_TIME, without), ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR)
          .hasMessageContaining("requires the X-Amz-Algorithm");
    }
    assertFails(
        () ->
            verify(
                EXAMPLE_TIME,
                url.replace("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Algorithm=AWS4-HMAC-SHA1")),
        ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
    assertFails(
        () ->
            verify(
                EXAMPLE_TIME, url.replace("X-Amz-Date=20130524T000000Z", "X-Amz-Date=2013-05-24")),
        ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
    assertFails(
            () -> verify(EXAMPLE_TIME, url.replace("%2Fus-east-1%2F", "%2Feu-west-1%2F")),
            ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR)
        .hasMessage(
            "Error parsing the X-Amz-Credential parameter; the region 'eu-west-1' is"
                + " wrong; expecting 'us-east-1'");
    assertFails(
        () ->
            verify(
                EXAMPLE_TIME,
                url.replace("X-Amz-Credential=" + ACCESS_KEY + "%2F", "X-Amz-Credential=")),
        ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
    assertFails(
        () -> verify(EXAMPLE_TIME, url.replace(ACCESS_KEY, "AKIDUNKNOWN")),
        ErrorCode.INVALID_ACCESS_KEY_ID);
  }

  @Test
  void unsignedAmzHeadersAreRefused() {
    String url = presign("PUT", 3600);
    assertFails(
        () -> exampleVerifier().verify(request("PUT", url, "x-amz-acl", "public-read")),
        ErrorCode.ACCESS_DENIED);
  }
}
