package io.coffer.meta.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several writes in one group commit: each succeeds or fails on its own, whether the failing one
 * refused before changing rows or after.
 */
class GroupCommitTest {
  @TempDir Path dir;

  @Test
  @Timeout(60) // the waits below poll: a broken writer must fail the test, not hang the build
  void aFailingWriteFailsAloneWhetherOrNotItChangedRows() throws Exception {
    try (SqliteWorkers workers = new SqliteWorkers("jdbc:sqlite:" + dir.resolve("m.db"), false);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Object> blocker =
          CompletableFuture.supplyAsync(
              () ->
                  workers.write(
                      c -> {
                        started.countDown();
                        awaitUninterruptibly(release);
                        return null;
                      }),
              threads);
      started.await(); // the writer thread is busy: what follows queues up for one group
      List<CompletableFuture<Long>> writes = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byte marker = (byte) i;
        boolean refuseBefore = i == 2;
        boolean failAfter = i == 4;
        writes.add(
            CompletableFuture.supplyAsync(
                () ->
                    workers.write(
                        c -> {
                          if (refuseBefore) {
                            throw new CofferException(ErrorCode.PRECONDITION_FAILED);
                          }
                          long id = insert(c, marker);
                          if (failAfter) {
                            throw new CofferException(ErrorCode.INVALID_PART);
                          }
                          return id;
                        }),
                threads));
      }
      while (workers.queuedWrites() < 6) {
        Thread.sleep(1);
      }
      release.countDown();
      blocker.join();

      List<Byte> committed = new ArrayList<>();
      for (int i = 0; i < writes.size(); i++) {
        CompletableFuture<Long> w = writes.get(i);
        if (i == 2 || i == 4) {
          assertThat(w).failsWithin(java.time.Duration.ofSeconds(10));
          ErrorCode expected = i == 2 ? ErrorCode.PRECONDITION_FAILED : ErrorCode.INVALID_PART;
          assertThat(w.handle((v, t) -> ((CofferException) t.getCause()).code()).join())
              .isEqualTo(expected);
        } else {
          assertThat(w.join()).isPositive();
          committed.add((byte) i);
        }
      }
      assertThat(workers.read(GroupCommitTest::markers))
          .containsExactlyInAnyOrderElementsOf(committed);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // keep waiting: the test releases it
      }
    }
  }

  private static long insert(Conn c, byte marker) throws SQLException {
    PreparedStatement ps = c.ps("INSERT INTO inline_bodies (data) VALUES (?) RETURNING id");
    ps.setBytes(1, new byte[] {marker});
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Byte> markers(Conn c) throws SQLException {
    List<Byte> out = new ArrayList<>();
    try (ResultSet rs = c.ps("SELECT data FROM inline_bodies ORDER BY id").executeQuery()) {
      while (rs.next()) {
        out.add(rs.getBytes(1)[0]);
      }
    }
    return out;
  }
}
