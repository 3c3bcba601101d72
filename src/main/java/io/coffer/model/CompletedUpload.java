package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What completing a multipart upload answered, remembered for a while after the upload is gone so
 * that a retried CompleteMultipartUpload (a client that timed out waiting for the first) gets the
 * same answer, as S3 gives it.
 *
 * @param partsFingerprint identifies the part list the upload was completed with (see the service),
 *     so only a retry of the same completion gets the remembered answer
 * @param checksum the object's checksum as completed, or null
 * @param versionId the version the completion made ({@link KeyVersion#NULL_VERSION} unless the
 *     bucket was versioned)
 */
public record CompletedUpload(
    String uploadId,
    String bucket,
    String key,
    String etag,
    long size,
    @Nullable StoredChecksum checksum,
    String partsFingerprint,
    Instant completedAt,
    String versionId) {}
