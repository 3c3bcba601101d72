package io.coffer.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An upload in progress.
 *
 * @param checksumAlgorithm the algorithm requested at creation, or null
 * @param checksumType FULL_OBJECT or COMPOSITE when an algorithm was requested, else null
 * @param lock the retention and legal hold the completed object gets
 */
public record MultipartUpload(
    String uploadId,
    String bucket,
    String key,
    long initiatorId,
    String contentType,
    Map<String, String> headers,
    Map<String, String> userMetadata,
    @Nullable String checksumAlgorithm,
    @Nullable String checksumType,
    Instant initiatedAt,
    ObjectLock lock) {}
