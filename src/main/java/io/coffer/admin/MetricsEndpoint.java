package io.coffer.admin;

import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpRequest;
import io.coffer.http.HttpResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics}: the Prometheus text exposition, behind {@code Authorization: Bearer
 * <token>} when the server has a metrics token ({@code --metrics-token}).
 */
final class MetricsEndpoint {
  static final String PATH = "/metrics";
  private static final String BEARER = "bearer ";

  private final PrometheusMeterRegistry registry;

  /** SHA-256 of the token: what a scrape sends is hashed too, so both compare at equal length. */
  private final byte @Nullable [] tokenHash;

  /**
   * @param token the bearer token a scrape must send, or null for none
   */
  MetricsEndpoint(PrometheusMeterRegistry registry, @Nullable String token) {
    this.registry = registry;
    this.tokenHash = token == null ? null : sha256(token);
  }

  HttpResponse handle(HttpRequest request) {
    if (!request.method().equals("GET")) {
      return JsonResponses.error(405, "method_not_allowed", "Use GET for /metrics.")
          .header("Allow", "GET");
    }
    byte[] expected = tokenHash;
    if (expected != null && !authorized(expected, request.headers().get("Authorization"))) {
      return JsonResponses.error(
              401,
              "unauthorized",
              "/metrics needs the metrics token: send it as Authorization: Bearer <token>.")
          .header("WWW-Authenticate", "Bearer realm=\"coffer-metrics\"");
    }
    return new HttpResponse(200)
        .body(
            registry.scrape().getBytes(StandardCharsets.UTF_8),
            "text/plain; version=0.0.4; charset=utf-8");
  }

  /** Constant time: the digests are compared with {@link MessageDigest#isEqual}. */
  private static boolean authorized(byte[] expected, @Nullable String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    String sent = authorization.substring(BEARER.length()).trim();
    return MessageDigest.isEqual(expected, sha256(sent));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
