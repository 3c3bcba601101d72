package io.coffer.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Management API requests in {@code /metrics}: {@code coffer_api_requests_total} by method, route
 * template and status, and {@code coffer_api_request_duration_seconds} (count, sum and max, no
 * histogram) by method and route.
 *
 * <p>Labels come only from the route table, never from the request's path or an arbitrary method: a
 * client sending random paths or methods must not make new series (each is kept by the registry and
 * by Prometheus for good). A request no route answers is {@code route="unmatched"}.
 */
final class ApiMeters {
  static final String UNMATCHED = "unmatched";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Counter> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> latencies = new ConcurrentHashMap<>();

  ApiMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param route the template of the route that answered, or null when none did
   * @param nanos until the response's head was ready (a streamed body is not included)
   */
  void record(String method, @Nullable String route, int status, long nanos) {
    String routeLabel = route == null ? UNMATCHED : route;
    String methodLabel = METHODS.contains(method) ? method : "other";
    requests
        .computeIfAbsent(
            methodLabel + ' ' + routeLabel + ' ' + status,
            k ->
                Counter.builder("coffer.api.requests")
                    .description("Management API requests by method, route and status")
                    .tag("method", methodLabel)
                    .tag("route", routeLabel)
                    .tag("status", Integer.toString(status))
                    .register(registry))
        .increment();
    latencies
        .computeIfAbsent(
            methodLabel + ' ' + routeLabel,
            k ->
                Timer.builder("coffer.api.request.duration")
                    .description("Management API latency by method and route")
                    .tag("method", methodLabel)
                    .tag("route", routeLabel)
                    .register(registry))
        .record(Duration.ofNanos(nanos));
  }
}
