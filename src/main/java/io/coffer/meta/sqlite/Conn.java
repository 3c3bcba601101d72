package io.coffer.meta.sqlite;

import io.coffer.model.ObjectEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

/**
 * One SQLite connection, owned by exactly one of the store's platform threads, with its prepared
 * statements cached by SQL text.
 */
final class Conn implements AutoCloseable {
  private final Connection connection;
  private final DB database;
  private final Map<String, PreparedStatement> cache = new HashMap<>();
  private final Map<String, NativeQuery> nativeQueries = new HashMap<>();
  private final List<PreparedStatement> nativeStatements = new ArrayList<>();
  private final LongAdder statements;

  // ---- writer-only state ----

  /**
   * Buckets known to exist, by name, with their IDs (only the writer changes buckets). Cleared when
   * a transaction fails as a whole, since it may hold buckets created in it.
   */
  final Map<String, BucketSql.Known> knownBuckets = new HashMap<>();

  /** Counter changes of the running operation, merged into {@link #group} when it succeeds. */
  final Deltas op = new Deltas();

  /** Counter changes of the running group commit, written just before COMMIT. */
  final Deltas group = new Deltas();

  /** The live listener and the outbox bound, shared with the store (see {@link EventOptions}). */
  EventOptions eventOptions = new EventOptions();

  /**
   * The last event sequencer handed out. Loaded from the counters row when the writer starts and
   * written back with each group that used one, so sequencers keep growing across restarts; numbers
   * of a rolled-back group are skipped, never reused.
   */
  long lastSequencer;

  /** Writer: the next event sequencer, remembered as used by the running operation. */
  long nextSequencer() {
    op.sequencer = ++lastSequencer;
    return lastSequencer;
  }

  /**
   * Pending changes to the counters table, the per-bucket counters and the targets' queue counts,
   * and the events recorded (for the live listener, after commit).
   */
  static final class Deltas {
    long credentials;
    long buckets;
    long objects;
    long bytes;
    long uploads;
    final Map<String, long[]> perBucket = new HashMap<>();

    /** Per target: {queued, dropped} changes. */
    final Map<String, long[]> perTarget = new HashMap<>();

    /** The greatest sequencer used (0: none). */
    long sequencer;

    /** Events recorded, for the live listener once the transaction commits. */
    final List<ObjectEvent> events = new ArrayList<>();

    /** The {queued, dropped} changes of a target, created when absent. */
    long[] target(String targetId) {
      return perTarget.computeIfAbsent(targetId, t -> new long[2]);
    }

    /** The queued change of a target so far (0 when none). */
    long queuedChange(String targetId) {
      long[] d = perTarget.get(targetId);
      return d == null ? 0 : d[0];
    }

    void object(String bucket, long objects, long bytes) {
      this.objects += objects;
      this.bytes += bytes;
      long[] d = perBucket.computeIfAbsent(bucket, b -> new long[2]);
      d[0] += objects;
      d[1] += bytes;
    }

    void mergeInto(Deltas other) {
      other.credentials += credentials;
      other.buckets += buckets;
      other.objects += objects;
      other.bytes += bytes;
      other.uploads += uploads;
      for (Map.Entry<String, long[]> e : perBucket.entrySet()) {
        long[] d = other.perBucket.computeIfAbsent(e.getKey(), b -> new long[2]);
        d[0] += e.getValue()[0];
        d[1] += e.getValue()[1];
      }
      for (Map.Entry<String, long[]> e : perTarget.entrySet()) {
        long[] d = other.target(e.getKey());
        d[0] += e.getValue()[0];
        d[1] += e.getValue()[1];
      }
      other.sequencer = Math.max(other.sequencer, sequencer);
      other.events.addAll(events);
      clear();
    }

    /** Whether the counters row and the buckets' counters are unchanged. */
    boolean isEmpty() {
      return credentials == 0
          && buckets == 0
          && objects == 0
          && bytes == 0
          && uploads == 0
          && perBucket.isEmpty();
    }

    void clear() {
      credentials = buckets = objects = bytes = uploads = 0;
      perBucket.clear();
      perTarget.clear();
      sequencer = 0;
      events.clear();
    }
  }

  private final Set<String> preparedSql;

  private Conn(Connection connection, LongAdder statements, Set<String> preparedSql) {
    this.connection = connection;
    this.database = ((SQLiteConnection) connection).getDatabase();
    this.statements = statements;
    this.preparedSql = preparedSql;
  }

  // Memory per connection (docs/deployment.md, "Memory"). The store opens eight on two cores (the
  // writer, the checkpointer, four reader threads, one point-read connection per core); each one's
  // page cache is private, so these caps multiply.

  /** The writer's page cache (KiB): holds the pages a group commit dirties and the recent ones. */
  static final int WRITER_CACHE_KIB = 16 * 1024;

  /**
   * Each read-only connection's page cache (KiB). Without mmap, a point read whose page is not
   * cached is a pread: 4 MiB (less than get-small's 1,024 objects of 4 KiB with their overflow
   * pages) measured 0.69-0.75 of the base's small-GET rate in two of three A/B runs.
   */
  static final int READER_CACHE_KIB = 16 * 1024;

  /**
   * No memory-mapped reads. SQLite maps the file once per connection, and the kernel counts a page
   * in the process's RSS once for every mapping that touched it: with 256 MiB mapped per connection
   * the same pages of metadata.db showed up several times over. Pages are read with pread into the
   * capped caches above instead.
   */
  static final long MMAP_SIZE = 0;

  static Conn open(
      String url, boolean sync, boolean reader, LongAdder statements, Set<String> preparedSql)
      throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(30_000);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(
        sync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-(reader ? READER_CACHE_KIB : WRITER_CACHE_KIB)); // negative: KiB
    config.enforceForeignKeys(false);
    // the driver would otherwise run a second query after every INSERT to fetch the new rowid
    config.setGetGeneratedKeys(false);
    Connection c = config.createConnection(url);
    Conn conn = new Conn(c, statements, preparedSql);
    conn.exec("PRAGMA mmap_size = " + MMAP_SIZE);
    if (reader) {
      conn.exec("PRAGMA query_only = 1");
    } else {
      // the WAL file is truncated back to this size after checkpoints
      conn.exec("PRAGMA journal_size_limit = 67108864");
    }
    return conn;
  }

  /** The cached statement for {@code sql}; counts one statement execution. */
  PreparedStatement ps(String sql) throws SQLException {
    statements.increment();
    return cached(sql);
  }

  private PreparedStatement cached(String sql) throws SQLException {
    PreparedStatement p = cache.get(sql);
    if (p == null) {
      p = connection.prepareStatement(sql);
      cache.put(sql, p);
      preparedSql.add(sql);
    }
    return p;
  }

  /**
   * The cached one-row query for {@code sql}, read through the driver's statement handle (see
   * {@link NativeQuery}); counts one statement execution.
   */
  NativeQuery query(String sql) throws SQLException {
    statements.increment();
    NativeQuery q = nativeQueries.get(sql);
    if (q == null) {
      // a statement of its own, so that no JDBC ResultSet of the same SQL is ever open on it
      PreparedStatement p = connection.prepareStatement(sql);
      q = new NativeQuery(p);
      nativeQueries.put(sql, q);
      nativeStatements.add(p);
      preparedSql.add(sql);
    }
    return q;
  }

  /** Runs a statement without results (transaction control, pragmas); not counted. */
  void exec(String sql) throws SQLException {
    cached(sql).execute();
  }

  /** Rows changed by INSERT, UPDATE and DELETE on this connection since it opened. */
  long totalChanges() throws SQLException {
    return database.total_changes();
  }

  Connection raw() {
    return connection;
  }

  @Override
  public void close() {
    for (PreparedStatement p : cache.values()) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    cache.clear();
    for (PreparedStatement p : nativeStatements) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    nativeStatements.clear();
    nativeQueries.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing more to do
    }
  }
}
