package io.coffer.admin.session;

import io.coffer.model.Credential;
import io.coffer.service.CredentialService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks an S3 user's access key and secret, at sign-in and again on every request of the session
 * it opened: a credential deactivated, expired, deleted or given another secret since ends it.
 */
public final class UserSecrets {
  /** Compared against when the access key is unknown, so that both cases take the same time. */
  private static final String UNKNOWN_KEY_DIGEST = ConsoleSessions.digest("no such credential");

  private final CredentialService credentials;

  public UserSecrets(CredentialService credentials) {
    this.credentials = credentials;
  }

  /** What a check found. */
  public sealed interface Outcome {}

  /** The credential, active and with that secret. */
  public record Accepted(Credential credential) implements Outcome {}

  /** Refused, with a message that is safe to show (it never says which part was wrong). */
  public record Refused(String message) implements Outcome {}

  /** A sign-in: the secret compared, by digest and in constant time, before anything else. */
  public Outcome signIn(String accessKey, String secretKey, Instant now) {
    return check(accessKey, ConsoleSessions.digest(secretKey), now);
  }

  /** A session's later request: the credential must still be the one it signed in with. */
  public Outcome current(ConsoleSession session, Instant now) {
    String accessKey = session.accessKey();
    String digest = session.secretDigest();
    if (accessKey == null || digest == null) {
      return new Refused("This session is not an S3 user's.");
    }
    return check(accessKey, digest, now);
  }

  private Outcome check(String accessKey, String secretDigest, Instant now) {
    Optional<Credential> found = credentials.findByAccessKey(accessKey);
    String expected =
        found.map(c -> ConsoleSessions.digest(c.secretKey())).orElse(UNKNOWN_KEY_DIGEST);
    boolean secretMatches =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            secretDigest.getBytes(StandardCharsets.US_ASCII));
    if (found.isEmpty() || !secretMatches) {
      return new Refused("The access key ID or the secret access key is not valid.");
    }
    Credential credential = found.get();
    if (!credential.active()) {
      return new Refused("The credential " + accessKey + " is not active.");
    }
    if (credential.expired(now)) {
      return new Refused("The credential " + accessKey + " has expired.");
    }
    return new Accepted(credential);
  }
}
