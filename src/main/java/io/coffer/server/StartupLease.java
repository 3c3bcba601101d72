package io.coffer.server;

import io.coffer.meta.MetadataStore;
import java.io.IOException;
import java.time.Duration;

/**
 * Start-up steps that read and then write shared state (is there an admin credential? then create
 * one) run on one starting node at a time: nodes started together would otherwise each generate an
 * admin credential. A lease in the metadata store orders them; with SQLite there is one node and
 * the lease is always granted.
 */
final class StartupLease {
  static final String NAME = "start-up";
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private StartupLease() {}

  interface Step<T> {
    T run() throws IOException;
  }

  static <T> T holding(MetadataStore metadata, String nodeId, Step<T> step)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!metadata.holdLease(NAME, nodeId, TTL)) {
      if (System.nanoTime() - deadline > 0) {
        throw new StartupException(
            "Another node has been starting for over "
                + WAIT.toSeconds()
                + " s (it holds the start-up lease); start this one again when it has.");
      }
      Thread.sleep(100);
    }
    try {
      return step.run();
    } finally {
      metadata.releaseLease(NAME, nodeId);
    }
  }
}
