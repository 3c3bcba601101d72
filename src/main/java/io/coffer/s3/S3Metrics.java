package io.coffer.s3;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** Request counts by operation and status, latency histograms and bytes in and out. */
final class S3Metrics {
  private final MeterRegistry registry;
  private final Counter bytesIn;
  private final Counter bytesOut;
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
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(60))
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
