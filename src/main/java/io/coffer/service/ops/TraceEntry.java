package io.coffer.service.ops;

import org.jspecify.annotations.Nullable;

/**
 * One line of the live request trace: what {@code mc admin trace} shows, never a secret. The path
 * is as the client sent it (percent-encoded), its query without authentication parameters.
 *
 * @param durationMillis until the answer was ready, in milliseconds with microseconds
 */
public record TraceEntry(
    long timeMillis,
    String method,
    String path,
    String operation,
    @Nullable String bucket,
    int status,
    double durationMillis,
    long bytesIn,
    long bytesOut,
    String clientAddress,
    @Nullable String accessKeyId) {

  static TraceEntry of(CompletedRequest r) {
    String query = QueryRedaction.strip(r.rawQuery());
    return new TraceEntry(
        r.endedMillis(),
        r.method(),
        query.isEmpty() ? r.rawPath() : r.rawPath() + "?" + query,
        r.operation(),
        r.bucket(),
        r.status(),
        r.nanos() / 1000 / 1000.0,
        r.bytesIn(),
        r.bytesOut(),
        r.clientAddress(),
        r.accessKeyId());
  }
}
