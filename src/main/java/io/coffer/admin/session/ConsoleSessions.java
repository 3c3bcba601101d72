package io.coffer.admin.session;

import io.coffer.config.ConsoleSessionSettings;
import io.coffer.service.SecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The console sessions of this node, in memory (a restart signs everyone out; several nodes need
 * sticky balancing, see docs/scale-out.md). A session is found by the SHA-256 of its token, so
 * neither this map nor a heap dump holds a token that could be replayed.
 */
public final class ConsoleSessions {
  /** 43 characters of a 64-letter alphabet: 258 random bits. */
  static final int TOKEN_LENGTH = 43;

  private final Map<String, Entry> byTokenHash = new ConcurrentHashMap<>();
  private final ConsoleSessionSettings settings;
  private final Clock clock;

  /** A session with the moment it was last used, which moves its idle expiry. */
  private static final class Entry {
    final ConsoleSession session;
    volatile Instant lastUsed;

    Entry(ConsoleSession session) {
      this.session = session;
      this.lastUsed = session.createdAt();
    }
  }

  /** A newly opened session and its token, which only the cookie will hold from now on. */
  public record Opened(String token, ConsoleSession session) {}

  /** What a token stands for now. */
  public sealed interface Lookup permits Live, Ended {}

  /** A live session, its idle expiry moved forward by this use. */
  public record Live(ConsoleSession session, Instant idleExpiresAt) implements Lookup {}

  /** A session that ended: the reason is shown to whoever comes back with it. */
  public record Ended(String reason) implements Lookup {}

  public ConsoleSessions(ConsoleSessionSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public ConsoleSessionSettings settings() {
    return settings;
  }

  /** Opens the administrator's session. */
  public Opened openAdmin() {
    Instant now = clock.instant();
    return open(ConsoleSession.admin(now, now.plus(settings.maxAge())));
  }

  /** Opens an S3 user's session, remembering only the hash of the secret it was opened with. */
  public Opened openUser(String accessKey, String secretKey, String displayName) {
    Instant now = clock.instant();
    return open(
        new ConsoleSession(
            ConsoleSession.Kind.USER,
            accessKey,
            digest(secretKey),
            displayName,
            now,
            now.plus(settings.maxAge())));
  }

  private Opened open(ConsoleSession session) {
    removeEnded(session.createdAt());
    String token = SecretGenerator.token(TOKEN_LENGTH);
    byTokenHash.put(hashOf(token), new Entry(session));
    return new Opened(token, session);
  }

  /** The session of {@code token}, used now; an ended one is forgotten as it is reported. */
  public Lookup use(String token) {
    String key = hashOf(token);
    Entry entry = byTokenHash.get(key);
    if (entry == null) {
      return new Ended(
          "You are not signed in (the session is unknown: signed out, or the server restarted).");
    }
    Instant now = clock.instant();
    String ended = endReason(entry, now);
    if (ended != null) {
      byTokenHash.remove(key);
      return new Ended(ended);
    }
    entry.lastUsed = now;
    return new Live(entry.session, idleExpiry(now, entry.session));
  }

  /** Ends the session of {@code token}, if any. */
  public void revoke(String token) {
    byTokenHash.remove(hashOf(token));
  }

  /** How many sessions are held (live, or ended and not yet cleared). */
  public int size() {
    return byTokenHash.size();
  }

  private @Nullable String endReason(Entry entry, Instant now) {
    if (!now.isBefore(entry.session.expiresAt())) {
      return "Your session reached its limit of "
          + describe(settings.maxAge().toSeconds())
          + "; sign in again.";
    }
    if (!now.isBefore(entry.lastUsed.plus(settings.idleTimeout()))) {
      return "Your session expired after "
          + describe(settings.idleTimeout().toSeconds())
          + " without use; sign in again.";
    }
    return null;
  }

  private Instant idleExpiry(Instant now, ConsoleSession session) {
    Instant idle = now.plus(settings.idleTimeout());
    return idle.isBefore(session.expiresAt()) ? idle : session.expiresAt();
  }

  /** Sessions nobody came back for would otherwise stay: each sign-in clears the ended ones. */
  private void removeEnded(Instant now) {
    byTokenHash.values().removeIf(entry -> endReason(entry, now) != null);
  }

  private static String describe(long seconds) {
    if (seconds % 3600 == 0) {
      return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
    }
    return seconds + (seconds == 1 ? " second" : " seconds");
  }

  private static String hashOf(String token) {
    return digest(token);
  }

  /** SHA-256 of {@code value} in hex. */
  public static String digest(String value) {
    return HexFormat.of().formatHex(sha256(value));
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
