package io.coffer.meta.sqlite;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL into the database file on a thread and connection of its own (PASSIVE checkpoints,
 * which never block the writer nor readers), so that no commit of the writer pays for a checkpoint.
 * SQLite would otherwise run one inside the commit that crosses {@code wal_autocheckpoint}, copying
 * megabytes on the writer thread every few groups. The writer keeps a high automatic threshold
 * ({@link #WRITER_FALLBACK_PAGES}) as the bound on the WAL for when this thread cannot keep up.
 */
final class Checkpointer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

  /** The writer's own automatic checkpoint threshold (pages): a bound, not the usual path. */
  static final int WRITER_FALLBACK_PAGES = 10_000;

  /** Commits within this time share one checkpoint. */
  private static final long GATHER_MILLIS = 20;

  private final Conn conn;
  private final Semaphore due = new Semaphore(0);
  private final Thread thread;
  private volatile boolean stopped;

  Checkpointer(String url, boolean sync, LongAdder statements, Set<String> preparedSql)
      throws SQLException {
    this.conn = Conn.open(url, sync, false, statements, preparedSql);
    this.thread =
        Thread.ofPlatform().name("coffer-sqlite-checkpointer").daemon().unstarted(this::run);
    thread.start();
  }

  /** A group committed: the WAL has grown. */
  void committed() {
    if (due.availablePermits() == 0) {
      due.release();
    }
  }

  private void run() {
    try {
      while (!stopped) {
        due.acquire();
        Thread.sleep(GATHER_MILLIS);
        due.drainPermits();
        if (stopped) {
          break;
        }
        try {
          conn.exec("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
          // the writer's own automatic checkpoint still bounds the WAL
          log.warn("WAL checkpoint failed: {}", e.getMessage());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopped = true;
    due.release();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    conn.close();
  }
}
