package io.coffer.meta.sqlite;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Streams every blob ID the store references (objects, segments, parts) from one snapshot. A reader
 * thread produces batches into a small queue; the sink runs on the caller's thread, so a slow sink
 * (a directory walk) never holds a database connection's results in memory.
 */
final class ReferencedBlobs {
  private static final int BATCH = 1024;
  private static final List<String> QUERIES =
      List.of(
          "SELECT storage_id FROM objects WHERE part_count = 0 AND inline_id IS NULL",
          "SELECT storage_id FROM object_versions WHERE part_count = 0 AND inline_id IS NULL"
              + " AND delete_marker = 0",
          "SELECT blob_id FROM segments",
          "SELECT blob_id FROM parts");

  private ReferencedBlobs() {}

  static void forEach(SqliteWorkers workers, Consumer<String> sink) {
    ArrayBlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(4);
    AtomicBoolean cancelled = new AtomicBoolean();
    CompletableFuture<Void> producer =
        workers.startRead(
            c -> {
              c.exec("BEGIN");
              try {
                List<String> batch = new ArrayList<>(BATCH);
                for (String sql : QUERIES) {
                  try (ResultSet rs = c.ps(sql).executeQuery()) {
                    while (rs.next()) {
                      batch.add(rs.getString(1));
                      if (batch.size() == BATCH) {
                        if (!offer(queue, batch, cancelled)) {
                          return null;
                        }
                        batch = new ArrayList<>(BATCH);
                      }
                    }
                  }
                }
                if (!batch.isEmpty()) {
                  offer(queue, batch, cancelled);
                }
                return null;
              } finally {
                c.exec("COMMIT");
              }
            });
    try {
      while (true) {
        List<String> batch = queue.poll();
        if (batch == null) {
          if (producer.isDone() && queue.isEmpty()) {
            break;
          }
          try {
            batch = queue.poll(20, TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CofferException(ErrorCode.INTERNAL_ERROR, "interrupted", e);
          }
          if (batch == null) {
            continue;
          }
        }
        batch.forEach(sink);
      }
    } catch (RuntimeException | Error e) {
      cancelled.set(true);
      queue.clear();
      throw e;
    }
    SqliteWorkers.await(producer);
  }

  private static boolean offer(
      ArrayBlockingQueue<List<String>> queue, List<String> batch, AtomicBoolean cancelled) {
    while (!cancelled.get()) {
      try {
        if (queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
          return true;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
