package io.coffer.bench;

/**
 * One kind of operation inside a mixed workload's measured window (the GETs of {@code warp-mixed},
 * say).
 *
 * @param operation {@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE}
 * @param share this kind's completed operations over all the workload's completed operations
 * @param mbPerSec object bytes this kind moved per second, in MB (10^6 bytes)
 */
public record OperationResult(
    String operation,
    long ops,
    double opsPerSec,
    double share,
    long bytes,
    double mbPerSec,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs,
    long errors) {}
