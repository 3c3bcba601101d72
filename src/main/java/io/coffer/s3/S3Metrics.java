package io.coffer.s3;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

/**
 * Request counts by operation and status, latency histograms and bytes in and out.
 *
 * <p>The latency histogram has a dozen fixed buckets ({@link #LATENCY_BUCKETS}) rather than
 * Micrometer's percentile histogram, whose ~70 buckets per operation made one scrape 1,776 lines
 * and 167 KB after a test run: Prometheus stores every bucket of every operation as its own series,
 * and a dozen boundaries from 1 ms to 10 s answer "how many were slower than X" as well as
 * dashboards and alerts need.
 */
final class S3Metrics {
  /** The latency buckets' upper bounds (Prometheus {@code le}), besides the implicit +Inf. */
  private static final Duration[] LATENCY_BUCKETS =
      LongStream.of(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000)
          .mapToObj(Duration::ofMillis)
          .toArray(Duration[]::new);

  private final MeterRegistry registry;
  private final Counter bytesIn;
  private final Counter bytesOut;
  private final Counter answeredOnEventLoop;
  private final Counter startedOver;
  private final ConcurrentHashMap<String, Counter> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> latencies = new ConcurrentHashMap<>();

  S3Metrics(MeterRegistry registry) {
    this.registry = registry;
    this.bytesIn =
        Counter.builder("coffer.s3.received.bytes")
            .description("Request body bytes received")
            .register(registry);
    this.bytesOut =
        Counter.builder("coffer.s3.sent.bytes")
            .description("Response body bytes sent")
            .register(registry);
    this.answeredOnEventLoop = attempts(registry, "answered");
    this.startedOver = attempts(registry, "started_over");
  }

  private static Counter attempts(MeterRegistry registry, String outcome) {
    return Counter.builder("coffer.s3.event.loop.attempts")
        .description(
            "GET and HEAD requests tried on the event loop: answered from memory there, or started"
                + " over on a virtual thread because something had to be waited for")
        .tag("outcome", outcome)
        .register(registry);
  }

  void attempted(boolean answered) {
    (answered ? answeredOnEventLoop : startedOver).increment();
  }

  void record(String operation, int status, long nanos, long received, long sent) {
    requests
        .computeIfAbsent(
            operation + ' ' + status,
            k ->
                Counter.builder("coffer.s3.requests")
                    .description("S3 requests by operation and status")
                    .tag("operation", operation)
                    .tag("status", Integer.toString(status))
                    .register(registry))
        .increment();
    latencies
        .computeIfAbsent(
            operation,
            k ->
                Timer.builder("coffer.s3.request.duration")
                    .description("S3 request latency by operation")
                    .tag("operation", operation)
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry))
        .record(Duration.ofNanos(nanos));
    if (received > 0) {
      bytesIn.increment(received);
    }
    if (sent > 0) {
      bytesOut.increment(sent);
    }
  }
}
