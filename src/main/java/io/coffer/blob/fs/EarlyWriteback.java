package io.coffer.blob.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Starts a large blob's way to the disk while it is still being received. Linux keeps written pages
 * in memory until 10 % of RAM is dirty or they are 30 s old, so without this the disk idles while a
 * 64 MiB body arrives and the commit's fsync then waits for all of it at once. Every {@link
 * #INTERVAL} bytes a background fsync of what is written so far is started (at most one per file at
 * a time), so the disk works while the network and MD5 do, and the commit's own fsync — still the
 * one that makes the blob durable — has only the tail left.
 */
final class EarlyWriteback {
  static final long INTERVAL = 2L * 1024 * 1024;

  /**
   * Two threads: fsync blocks in the kernel, not on the CPU, and more would only queue at the disk.
   */
  private static final ExecutorService SYNCER =
      Executors.newFixedThreadPool(
          2, Thread.ofPlatform().name("coffer-writeback-", 0).daemon().factory());

  private final FileChannel channel;
  private long startedAt;
  private @Nullable Future<?> inFlight;
  private int started;

  EarlyWriteback(FileChannel channel) {
    this.channel = channel;
  }

  /** Called after each write with the file's size so far. */
  void written(long size) {
    if (size - startedAt < INTERVAL || (inFlight != null && !inFlight.isDone())) {
      return;
    }
    startedAt = size;
    started++;
    inFlight = SYNCER.submit(this::sync);
  }

  /** How many background fsyncs this file has had started. */
  int started() {
    return started;
  }

  /** Waits for the background fsync in flight, if any (for tests). */
  void awaitInFlight() throws Exception {
    Future<?> f = inFlight;
    if (f != null) {
      f.get();
    }
  }

  private void sync() {
    try {
      channel.force(false);
    } catch (IOException e) {
      // closed meanwhile (an aborted upload), or a failure the commit's own fsync reports
    }
  }
}
