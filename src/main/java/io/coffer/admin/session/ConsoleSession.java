package io.coffer.admin.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One console sign-in. It holds no secret: a user's session keeps the SHA-256 of the secret it was
 * opened with, so that a secret changed or a credential removed since ends it.
 *
 * @param accessKey the S3 user's access key ID; null for the administrator
 * @param secretDigest SHA-256 of the user's secret at sign-in, in hex; null for the administrator
 */
public record ConsoleSession(
    Kind kind,
    @Nullable String accessKey,
    @Nullable String secretDigest,
    String displayName,
    Instant createdAt,
    Instant expiresAt) {

  /** Who signed in. */
  public enum Kind {
    /** With the management API key: everything the API offers. */
    ADMIN,
    /** With an S3 access key and secret: what that credential's policies allow. */
    USER;

    /** The name the API answers with ("admin", "user"). */
    public String apiName() {
      return this == ADMIN ? "admin" : "user";
    }
  }

  /** The administrator's session. */
  static ConsoleSession admin(Instant now, Instant expiresAt) {
    return new ConsoleSession(Kind.ADMIN, null, null, "admin", now, expiresAt);
  }

  @Override
  public String toString() {
    // never the secret's hash
    return "ConsoleSession[" + kind + ", " + accessKey + ", expires " + expiresAt + "]";
  }
}
