package io.coffer.it.notify;

import io.coffer.model.NotificationTarget;
import io.coffer.model.TargetType;
import io.coffer.notify.EventMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Event messages and targets for the sender tests, unique per call (brokers are shared). */
final class TestMessages {
  private TestMessages() {}

  /** A random suffix for subjects, queues, keys and tables. */
  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** An event document like the delivery side makes, with a key that needs care (é, space, +). */
  static EventMessage message(String key, String sequencer) {
    String body =
        "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventTime\":\""
            + Instant.parse("2026-12-06T20:00:00.123Z")
            + "\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"photos\"},"
            + "\"object\":{\"key\":\""
            + key
            + "\",\"sequencer\":\""
            + sequencer
            + "\"}}}]}";
    return new EventMessage(
        body.getBytes(StandardCharsets.UTF_8), "ObjectCreated:Put", "photos", key, sequencer);
  }

  /** A port nothing listens on (bound, then closed). */
  static int closedPort() throws java.io.IOException {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static NotificationTarget target(TargetType type, String config) {
    return new NotificationTarget("t-" + unique(), type, config, Instant.now());
  }
}
