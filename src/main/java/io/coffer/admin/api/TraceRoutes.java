package io.coffer.admin.api;

import io.coffer.http.HttpResponse;
import io.coffer.service.ops.RequestTrace;
import io.coffer.service.ops.TraceFilter;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GET /api/v1/trace: the live request trace of the S3 port, as {@code mc admin trace} showed it,
 * one JSON object per line for as long as the client stays (see {@link TraceStream}). Filters:
 * {@code method}, {@code status} (2xx … 5xx), {@code bucket}, {@code prefix} (of the decoded path)
 * and {@code access_key}. Administrator only.
 */
final class TraceRoutes {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS", "PATCH");

  private final RequestTrace trace;

  TraceRoutes(RequestTrace trace) {
    this.trace = trace;
  }

  void register(Router router) {
    router.add("GET", "/api/v1/trace", this::trace);
  }

  private HttpResponse trace(ApiRequest request) {
    TraceFilter filter =
        new TraceFilter(
            method(request.query("method")),
            statusClass(request.query("status")),
            emptyToNull(request.query("bucket")),
            emptyToNull(request.query("prefix")),
            emptyToNull(request.query("access_key")));
    TraceStream stream = new TraceStream(trace.listen(filter), TraceStream.KEEP_ALIVE);
    return new HttpResponse(200)
        .header("Content-Type", "application/x-ndjson")
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no") // proxies must pass each line on at once
        .body(new HttpResponse.Body.Stream(stream, -1));
  }

  private static @Nullable String method(@Nullable String value) {
    String method = emptyToNull(value);
    if (method == null) {
      return null;
    }
    String upper = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(upper)) {
      throw ApiException.invalid(
          "method must be one of " + String.join(", ", METHODS.stream().sorted().toList()) + ".");
    }
    return upper;
  }

  private static int statusClass(@Nullable String value) {
    String status = emptyToNull(value);
    if (status == null) {
      return 0;
    }
    String lower = status.toLowerCase(Locale.ROOT);
    if (lower.length() == 3
        && lower.endsWith("xx")
        && lower.charAt(0) >= '1'
        && lower.charAt(0) <= '5') {
      return lower.charAt(0) - '0';
    }
    throw ApiException.invalid("status must be a status class: 1xx, 2xx, 3xx, 4xx or 5xx.");
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
