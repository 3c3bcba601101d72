package io.coffer.service.ops;

import org.jspecify.annotations.Nullable;

/**
 * One S3 request as it completed, told by the S3 front end to the operations view (live history and
 * trace). Holds the raw query: only the trace reads it, and strips its auth parameters first
 * ({@link QueryRedaction}), so nothing is spent on it while nobody traces.
 *
 * @param endedMillis when the answer was ready, epoch milliseconds
 * @param operation S3's name of the operation ("GetObject"), "Unknown" when it could not be parsed
 * @param bucket the bucket addressed (path or virtual-hosted style), or null
 * @param nanos how long the request took until its answer was ready (a streamed body's sending is
 *     not included)
 * @param accessKeyId the signing credential's access key ID, or null (anonymous, or refused before
 *     a credential was known)
 */
public record CompletedRequest(
    long endedMillis,
    String method,
    String rawPath,
    String rawQuery,
    String operation,
    @Nullable String bucket,
    int status,
    long nanos,
    long bytesIn,
    long bytesOut,
    String clientAddress,
    @Nullable String accessKeyId) {}
