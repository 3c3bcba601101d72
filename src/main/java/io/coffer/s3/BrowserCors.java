package io.coffer.s3;

import io.coffer.http.Headers;
import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.ErrorCode;
import io.coffer.service.CorsMatcher;
import io.coffer.service.CorsService.BrowserRules;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * CORS on the S3 port, before and around authentication: the answer to a preflight {@code OPTIONS}
 * (browsers never sign one), and the {@code Access-Control-*} headers of an actual request from a
 * browser, error responses included (a page cannot read an S3 error without them). CORS is the
 * browser's protection, not the bucket's: every actual request is still authenticated and
 * authorized as usual, and this only ever adds headers.
 *
 * <p>A request without an {@code Origin} header costs one header lookup and nothing else.
 */
final class BrowserCors {
  static final String VARY =
      "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
  private static final String BUCKET_NOT_FOUND = "CORSResponse: Bucket not found";
  private static final String NOT_ENABLED = "CORSResponse: CORS is not enabled for this bucket.";

  /** A bucket's rules by name, without an access check; empty when it does not exist. */
  private final Function<String, Optional<BrowserRules>> rules;

  BrowserCors(Function<String, Optional<BrowserRules>> rules) {
    this.rules = rules;
  }

  /**
   * The answer to a preflight on a bucket or object path: 200 with the first matching rule's
   * headers, or S3's errors (400 BadRequest without Origin, 403 AccessForbidden otherwise).
   *
   * @param bucket the bucket the path names, or null (the service root)
   * @param key the object the path names, or null
   */
  HttpResponse preflight(Headers headers, @Nullable String bucket, @Nullable String key) {
    String origin = headers.get("Origin");
    if (origin == null || origin.isEmpty()) {
      throw new CofferException(
          ErrorCode.BAD_REQUEST, "Insufficient information. Origin request header needed.");
    }
    // Without the header, S3 evaluates (and reports) the preflight's own method, which no rule
    // can allow.
    String requested = headers.get("Access-Control-Request-Method");
    String method = requested == null ? "OPTIONS" : requested;
    Optional<BrowserRules> found = bucket == null ? Optional.empty() : rules.apply(bucket);
    if (found.isEmpty()) {
      throw forbidden(BUCKET_NOT_FOUND, method, "BUCKET");
    }
    CorsConfiguration configuration = found.get().cors();
    if (configuration == null) {
      throw forbidden(NOT_ENABLED, method, "BUCKET");
    }
    List<String> requestedHeaders =
        CorsMatcher.requestedHeaders(headers.get("Access-Control-Request-Headers"));
    CorsMatcher.Match match = CorsMatcher.find(configuration, origin, method, requestedHeaders);
    if (match == null) {
      throw forbidden(
          ErrorCode.ACCESS_FORBIDDEN.defaultMessage(), method, key == null ? "BUCKET" : "OBJECT");
    }
    HttpResponse response = new HttpResponse(200);
    allow(response, match, origin);
    if (!requestedHeaders.isEmpty()) {
      // The names asked for, all allowed: echoed in lower case, as S3 does.
      response.header("Access-Control-Allow-Headers", String.join(", ", requestedHeaders));
    }
    return response;
  }

  /**
   * Adds the matching rule's headers to the response of an actual request from a browser. The rule
   * is matched on the origin and on the method (a request that names one in {@code
   * Access-Control-Request-Method} is matched on that, as S3 does); the request's own headers are
   * not checked. No match, no configuration or no bucket: the response is left as it is.
   */
  void decorate(Headers headers, String method, String bucket, HttpResponse response) {
    String origin = headers.get("Origin");
    if (origin == null || origin.isEmpty()) {
      return;
    }
    CorsConfiguration configuration = rules.apply(bucket).map(BrowserRules::cors).orElse(null);
    if (configuration == null) {
      return;
    }
    String requested = headers.get("Access-Control-Request-Method");
    CorsMatcher.Match match =
        CorsMatcher.find(configuration, origin, requested == null ? method : requested, List.of());
    if (match != null) {
      allow(response, match, origin);
    }
  }

  /** The headers S3 sends for a matching rule, on preflights and actual requests alike. */
  private static void allow(HttpResponse response, CorsMatcher.Match match, String origin) {
    if (match.anyOrigin()) {
      response.header("Access-Control-Allow-Origin", "*");
    } else {
      response.header("Access-Control-Allow-Origin", origin);
      response.header("Access-Control-Allow-Credentials", "true");
    }
    response.header(
        "Access-Control-Allow-Methods", String.join(", ", match.rule().allowedMethods()));
    if (!match.rule().exposeHeaders().isEmpty()) {
      response.header(
          "Access-Control-Expose-Headers", String.join(", ", match.rule().exposeHeaders()));
    }
    Integer maxAge = match.rule().maxAgeSeconds();
    if (maxAge != null) {
      response.header("Access-Control-Max-Age", maxAge.longValue());
    }
    response.header("Vary", VARY);
  }

  private static CofferException forbidden(String message, String method, String resourceType) {
    return new CofferException(ErrorCode.ACCESS_FORBIDDEN, message)
        .with("Method", method)
        .with("ResourceType", resourceType);
  }
}
