package io.coffer.service.ops;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one slot of the request history counted.
 *
 * @param seconds how long the slot has covered so far (its full length, except the current one)
 * @param byOperation requests per S3 operation, by name
 * @param clientErrors answers 400 to 499
 * @param serverErrors answers 500 and above
 * @param p50Millis latency percentiles (upper bounds, see {@link LatencyHistogram}); null when the
 *     slot saw no request
 */
public record SlotSummary(
    Instant start,
    double seconds,
    long requests,
    Map<String, Long> byOperation,
    long clientErrors,
    long serverErrors,
    long bytesIn,
    long bytesOut,
    @Nullable Double p50Millis,
    @Nullable Double p90Millis,
    @Nullable Double p99Millis) {}
