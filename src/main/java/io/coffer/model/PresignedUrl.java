package io.coffer.model;

import java.time.Instant;

/** A presigned URL issued through the management API, tracked by its hash parameter. */
public record PresignedUrl(
    long id,
    String hash,
    String bucket,
    String key,
    String method,
    long credentialId,
    String accessKey,
    Instant expiresAt,
    Instant createdAt,
    boolean revoked) {

  public String status(Instant now) {
    if (revoked) {
      return "revoked";
    }
    return now.isBefore(expiresAt) ? "active" : "expired";
  }
}
