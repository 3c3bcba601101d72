package io.coffer.meta.sqlite;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.sqlite.Function;

/**
 * Which objects each group of writes changed, for {@link ObjectReadCache}: whether a read made
 * under one generation still holds. The writer's connection reports every row inserted, updated or
 * deleted in {@code objects} to {@link #changed} through temporary triggers (so no code path that
 * writes the table can forget to), and the writer publishes a group's changes after its COMMIT and
 * before it answers any of its callers ({@link #groupEnded}).
 *
 * <p>A read that starts under generation {@code g} (read before its statement runs) and a write
 * committed by group {@code n}: if {@code g <= n} the read may have seen the row before the write,
 * and the key's stripe says {@code n + 1 > g}, so the read is not used once the write is
 * acknowledged; if {@code g > n}, the read began after the COMMIT and saw the write. Keys share
 * {@value #STRIPES} stripes (a collision only costs a read), and a group that changed more keys
 * than {@value #MAX_KEYS_PER_GROUP}, or whose outcome is unsure, retires every read.
 */
final class ObjectChanges {
  static final int STRIPES = 4096;
  static final int MAX_KEYS_PER_GROUP = 10_000;

  private final AtomicLongArray changedIn = new AtomicLongArray(STRIPES);
  private final List<Integer> pending = new ArrayList<>();
  private boolean overflowed;
  private volatile long everythingChangedIn;
  private volatile long generation;

  /** Installs the triggers on the writer's connection: once, before its first write. */
  void watch(Conn writer) throws SQLException {
    Function.create(
        writer.raw(),
        "coffer_object_changed",
        new Function() {
          @Override
          protected void xFunc() throws SQLException {
            changed(value_text(0), value_blob(1));
          }
        });
    try (Statement s = writer.raw().createStatement()) {
      s.execute(
          "CREATE TEMP TRIGGER coffer_object_inserted AFTER INSERT ON main.objects"
              + " BEGIN SELECT coffer_object_changed(NEW.bucket, NEW.key); END");
      s.execute(
          "CREATE TEMP TRIGGER coffer_object_updated AFTER UPDATE ON main.objects BEGIN"
              + " SELECT coffer_object_changed(OLD.bucket, OLD.key);"
              + " SELECT coffer_object_changed(NEW.bucket, NEW.key); END");
      s.execute(
          "CREATE TEMP TRIGGER coffer_object_deleted AFTER DELETE ON main.objects"
              + " BEGIN SELECT coffer_object_changed(OLD.bucket, OLD.key); END");
    }
  }

  /** The generation a read starts under: read it before the read's statement runs. */
  long current() {
    return generation;
  }

  /** Whether a read of the object that started under {@code generation} still holds. */
  boolean unchangedSince(long generation, String bucket, byte[] key) {
    return generation >= everythingChangedIn && generation >= changedIn.get(stripe(bucket, key));
  }

  /** Writer thread, inside a group: a row of {@code objects} was written. */
  void changed(String bucket, byte[] key) {
    if (pending.size() < MAX_KEYS_PER_GROUP) {
      pending.add(stripe(bucket, key));
    } else {
      overflowed = true;
    }
  }

  /**
   * Writer thread, after a group's COMMIT (or its failure) and before its callers hear of it.
   *
   * @param certain false when the group's outcome is unknown (a failed COMMIT may have committed)
   */
  void groupEnded(boolean certain) {
    long next = generation + 1;
    if (!certain || overflowed) {
      everythingChangedIn = next;
    } else {
      for (int stripe : pending) {
        changedIn.set(stripe, next);
      }
    }
    pending.clear();
    overflowed = false;
    generation = next; // after the stripes: a read under `next` began after all of this
  }

  private static int stripe(String bucket, byte[] key) {
    return Math.floorMod(31 * bucket.hashCode() + Arrays.hashCode(key), STRIPES);
  }
}
