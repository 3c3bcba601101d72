package io.coffer.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.http.Headers;
import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import io.coffer.model.ErrorCode;
import io.coffer.service.CorsService.BrowserRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Preflight answers and the headers of actual requests, as S3 sends them. */
class BrowserCorsTest {
  private static final CorsConfiguration RULES =
      new CorsConfiguration(
          List.of(
              new CorsRule(
                  "app",
                  List.of("https://localhost:4200"),
                  List.of("GET", "PUT"),
                  List.of("*"),
                  List.of("ETag", "x-amz-version-id"),
                  3000),
              new CorsRule(null, List.of("*"), List.of("GET"), List.of(), List.of(), null)));

  private final BrowserCors cors =
      new BrowserCors(
          bucket ->
              switch (bucket) {
                case "configured" -> Optional.of(new BrowserRules(RULES));
                case "plain" -> Optional.of(new BrowserRules(null));
                default -> Optional.empty();
              });

  @Test
  void aMatchingPreflightIsAnsweredWithTheRulesHeaders() {
    HttpResponse response =
        cors.preflight(
            Headers.of(
                "Origin", "https://localhost:4200",
                "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "Content-Type,X-Amz-Date"),
            "configured",
            "k");
    assertThat(response.status()).isEqualTo(200);
    assertThat(headers(response))
        .containsExactly(
            Map.entry("Access-Control-Allow-Origin", "https://localhost:4200"),
            Map.entry("Access-Control-Allow-Credentials", "true"),
            Map.entry("Access-Control-Allow-Methods", "GET, PUT"),
            Map.entry("Access-Control-Expose-Headers", "ETag, x-amz-version-id"),
            Map.entry("Access-Control-Max-Age", "3000"),
            Map.entry("Vary", BrowserCors.VARY),
            Map.entry("Access-Control-Allow-Headers", "content-type, x-amz-date"));
  }

  @Test
  void aWildcardOriginIsAnsweredWithAStarAndNoCredentials() {
    HttpResponse response =
        cors.preflight(
            Headers.of("Origin", "http://random:1234", "Access-Control-Request-Method", "GET"),
            "configured",
            null);
    assertThat(headers(response))
        .containsExactly(
            Map.entry("Access-Control-Allow-Origin", "*"),
            Map.entry("Access-Control-Allow-Methods", "GET"),
            Map.entry("Vary", BrowserCors.VARY));
  }

  @Test
  void aPreflightWithoutOriginIsABadRequest() {
    CofferException e = refusal(Headers.of("Access-Control-Request-Method", "GET"), "configured");
    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(e.getMessage()).isEqualTo("Insufficient information. Origin request header needed.");
  }

  @Test
  void refusedPreflightsSayWhy() {
    Headers put =
        Headers.of("Origin", "http://localhost:4200", "Access-Control-Request-Method", "PUT");
    CofferException missing = refusal(put, "missing");
    assertThat(missing.code()).isEqualTo(ErrorCode.ACCESS_FORBIDDEN);
    assertThat(missing.getMessage()).isEqualTo("CORSResponse: Bucket not found");
    CofferException plain = refusal(put, "plain");
    assertThat(plain.getMessage()).isEqualTo("CORSResponse: CORS is not enabled for this bucket.");
    assertThat(plain.fields())
        .containsExactly(Map.entry("Method", "PUT"), Map.entry("ResourceType", "BUCKET"));
    CofferException notAllowed = refusal(put, "configured");
    assertThat(notAllowed.getMessage())
        .startsWith("CORSResponse: This CORS request is not allowed.");
    assertThat(notAllowed.fields()).containsEntry("ResourceType", "OBJECT");
    // Without Access-Control-Request-Method the preflight's own method is evaluated: never allowed.
    CofferException noMethod =
        refusal(Headers.of("Origin", "https://localhost:4200"), "configured");
    assertThat(noMethod.fields()).containsEntry("Method", "OPTIONS");
    // A requested header the first origin-and-method match does not allow.
    CofferException header =
        refusal(
            Headers.of(
                "Origin", "http://other.org",
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "x-amz-date"),
            "configured");
    assertThat(header.code()).isEqualTo(ErrorCode.ACCESS_FORBIDDEN);
  }

  @Test
  void anActualRequestGetsTheMatchingRulesHeadersOnly() {
    HttpResponse ok = new HttpResponse(404);
    cors.decorate(Headers.of("Origin", "https://localhost:4200"), "GET", "configured", ok);
    assertThat(ok.headerValue("Access-Control-Allow-Origin")).isEqualTo("https://localhost:4200");
    assertThat(ok.headerValue("Access-Control-Expose-Headers")).isEqualTo("ETag, x-amz-version-id");
    assertThat(ok.headerValue("Vary")).isEqualTo(BrowserCors.VARY);

    for (Headers headers :
        List.of(
            Headers.of(),
            Headers.of("Origin", "http://other.org"),
            // The named method decides, as on S3.
            Headers.of(
                "Origin", "https://localhost:4200", "Access-Control-Request-Method", "DELETE"))) {
      HttpResponse response = new HttpResponse(200);
      cors.decorate(headers, "PUT", "configured", response);
      assertThat(response.headers()).isEmpty();
    }
    HttpResponse plain = new HttpResponse(200);
    cors.decorate(Headers.of("Origin", "https://localhost:4200"), "GET", "plain", plain);
    assertThat(plain.headers()).isEmpty();
  }

  /** The bucket's rules are not even looked up for a request that is not a browser's. */
  @Test
  void aRequestWithoutOriginCostsNoLookup() {
    BrowserCors untouchable =
        new BrowserCors(
            bucket -> {
              throw new AssertionError("looked up the rules of " + bucket);
            });
    HttpResponse response = new HttpResponse(200);
    untouchable.decorate(Headers.of("Host", "x"), "GET", "configured", response);
    untouchable.decorate(Headers.of("Origin", ""), "GET", "configured", response);
    assertThat(response.headers()).isEmpty();
  }

  private CofferException refusal(Headers headers, String bucket) {
    CofferException e =
        catchThrowableOfType(CofferException.class, () -> cors.preflight(headers, bucket, "k"));
    assertThat(e).isNotNull();
    return e;
  }

  private static List<Map.Entry<String, String>> headers(HttpResponse response) {
    return response.headers().stream().map(h -> Map.entry(h[0], h[1])).toList();
  }
}
