package io.coffer.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the senders share: turning a client's failure into the retryable IOException, message IDs.
 */
final class Failures {
  private Failures() {}

  /**
   * The failure as an IOException the delivery worker retries; the interrupt flag is kept. The
   * message names the target type and the client's reason with any URL password hidden (clients
   * quote the server URL they failed to reach); the client's exception is kept as the cause only
   * when nothing in its chain would need hiding, so that logging the failure never logs a secret.
   */
  static IOException retryable(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String message = ConfigUrls.redact(reason.startsWith(what) ? reason : what + ": " + reason);
    return safeToChain(e) ? new IOException(message, e) : new IOException(message);
  }

  private static boolean safeToChain(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
      String m = t.getMessage();
      if (m != null && !ConfigUrls.redact(m).equals(m)) {
        return false;
      }
      for (Throwable s : t.getSuppressed()) {
        if (!safeToChain(s)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A stable ID for one message: the same event retried has the same ID, so a target that
   * deduplicates (JetStream's {@code Nats-Msg-Id}) stores it once.
   */
  static String messageId(EventMessage message) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(message.eventName().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(message.body());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
