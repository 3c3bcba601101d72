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
   * message names the target type and the client's reason, never a configuration value.
   */
  static IOException retryable(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    if (e instanceof IOException io
        && io.getMessage() != null
        && io.getMessage().startsWith(what)) {
      return io;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new IOException(what + ": " + reason, e);
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
