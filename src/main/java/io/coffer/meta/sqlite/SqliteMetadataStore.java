package io.coffer.meta.sqlite;

import io.coffer.meta.MetadataStore;
import io.coffer.meta.sqlite.Worker.SqlWork;
import io.coffer.meta.sqlite.Worker.Task;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.PresignedUrl;
import io.coffer.model.Segment;
import io.coffer.model.Stats;
import io.coffer.model.StoredChecksum;
import io.coffer.model.UploadListing;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * {@link MetadataStore} on one SQLite database file (WAL mode).
 *
 * <p>Threads: SQLite is native code, so no SQLite call ever runs on a caller's thread (callers are
 * often virtual threads, which native frames would pin). One platform writer thread owns the only
 * writing connection and applies queued writes in group commits: it drains the queue, runs up to
 * {@value #MAX_GROUP} operations in one transaction, each inside its own SAVEPOINT so a failing
 * operation rolls back only itself, commits once and then completes every caller's future. A few
 * platform reader threads own read-only connections and serve reads from a shared queue. Each
 * connection caches its prepared statements.
 *
 * <p>Keys are stored as BLOBs of their UTF-8 bytes, so SQLite's memcmp ordering is S3's listing
 * order and prefix ranges are exact byte ranges.
 */
public final class SqliteMetadataStore implements MetadataStore {
  static final int MAX_GROUP = 256;
  static final int READERS = 4;

  private static final String OBJ_COLS =
      "bucket, key, storage_id, size, etag, content_type, headers, user_meta, checksum_algorithm,"
          + " checksum_value, checksum_type, part_count, created_at, updated_at";
  private static final String CRED_COLS =
      "id, access_key, secret_key, user_name, is_active, created_at";
  private static final String BUCKET_COLS =
      "name, owner_id, region, created_at, object_count, total_size";
  private static final String UPLOAD_COLS =
      "upload_id, bucket, key, initiator_id, content_type, headers, user_meta, checksum_algorithm,"
          + " checksum_type, initiated_at, seq";
  private static final String PART_COLS =
      "upload_id, part_number, blob_id, size, etag, checksum_algorithm, checksum_value,"
          + " checksum_type, last_modified";
  private static final String PRESIGNED_COLS =
      "id, hash, bucket, key, method, credential_id, access_key, expires_at, created_at, revoked";

  private final String url;
  private final boolean sync;
  private final LongAdder statements = new LongAdder();
  private final Set<String> preparedSql = ConcurrentHashMap.newKeySet();
  private final LinkedBlockingQueue<Task<?>> writes = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Task<?>> reads = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final List<Thread> readers = new ArrayList<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean closed;

  /** Marks the end of a worker's queue. */
  private static final Task<Void> STOP = new Task<>(c -> null);

  private SqliteMetadataStore(Path file, boolean sync) {
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    this.sync = sync;
    CompletableFuture<Void> writerReady = new CompletableFuture<>();
    writer = Thread.ofPlatform().name("coffer-sqlite-writer").daemon().unstarted(() -> writerLoop(writerReady));
    writer.start();
    await(writerReady);
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      CompletableFuture<Void> r = new CompletableFuture<>();
      ready.add(r);
      Thread t = Thread.ofPlatform().name("coffer-sqlite-reader-" + i).daemon().unstarted(() -> readerLoop(r));
      readers.add(t);
      t.start();
    }
    try {
      for (CompletableFuture<Void> r : ready) {
        await(r);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Opens (creating or migrating) the database.
   *
   * @param syncEachCommit {@code synchronous=FULL}: every write is durable against power loss once
   *     it returns; otherwise {@code NORMAL} (durable against process crashes only)
   */
  public static SqliteMetadataStore open(Path databaseFile, boolean syncEachCommit) {
    return new SqliteMetadataStore(databaseFile, syncEachCommit);
  }

  /** How many SQL statements (not counting transaction control) the store has executed. */
  public long statementCount() {
    return statements.sum();
  }

  /** Every SQL text the store has prepared so far (for checking query plans in tests). */
  Set<String> preparedSql() {
    return Set.copyOf(preparedSql);
  }

  // ============================================================================================
  // threads
  // ============================================================================================

  private void writerLoop(CompletableFuture<Void> ready) {
    Conn conn;
    try {
      conn = Conn.open(url, sync, false, statements, preparedSql);
      Schema.migrate(conn);
    } catch (Throwable t) {
      ready.completeExceptionally(t);
      return;
    }
    ready.complete(null);
    List<Task<?>> batch = new ArrayList<>(MAX_GROUP);
    try {
      boolean stop = false;
      while (!stop) {
        Task<?> first = takeUninterruptibly(writes);
        batch.clear();
        batch.add(first);
        writes.drainTo(batch, MAX_GROUP - 1);
        int stopAt = batch.indexOf(STOP);
        if (stopAt >= 0) {
          // tasks queued behind STOP are failed by close()
          for (Task<?> t : batch.subList(stopAt + 1, batch.size())) {
            t.fail(closedException());
          }
          batch.subList(stopAt, batch.size()).clear();
          stop = true;
        }
        if (!batch.isEmpty()) {
          try {
            runGroup(conn, batch);
          } catch (Throwable t) {
            // never lose the writer thread; whoever is still waiting learns why
            for (Task<?> task : batch) {
              task.fail(Worker.translate(t));
            }
          }
        }
      }
      try {
        conn.exec("PRAGMA optimize");
      } catch (SQLException ignored) {
        // best effort
      }
    } finally {
      conn.close();
    }
  }

  private void runGroup(Conn conn, List<Task<?>> batch) {
    Throwable[] errors = new Throwable[batch.size()];
    try {
      conn.exec("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      for (Task<?> t : batch) {
        t.fail(Worker.translate(e));
      }
      return;
    }
    try {
      for (int i = 0; i < batch.size(); i++) {
        conn.exec("SAVEPOINT op");
        try {
          runInto(batch.get(i), conn);
          conn.exec("RELEASE op");
          conn.op.mergeInto(conn.group);
        } catch (Throwable t) {
          errors[i] = t;
          conn.op.clear();
          conn.exec("ROLLBACK TO op");
          conn.exec("RELEASE op");
        }
      }
      flushCounters(conn);
      conn.exec("COMMIT");
    } catch (Throwable fatal) {
      // the transaction as a whole failed: nothing of the group was applied
      try {
        conn.exec("ROLLBACK");
      } catch (SQLException ignored) {
        // the transaction may already be gone
      }
      conn.op.clear();
      conn.group.clear();
      conn.knownBuckets.clear();
      RuntimeException e = Worker.translate(fatal);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).fail(errors[i] != null ? Worker.translate(errors[i]) : e);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Task<?> t = batch.get(i);
      if (errors[i] != null) {
        t.fail(Worker.translate(errors[i]));
      } else {
        complete(t);
      }
    }
  }

  private static <T> void runInto(Task<T> task, Conn conn) throws SQLException {
    task.result = task.run(conn);
  }

  private static <T> void complete(Task<T> task) {
    T r = task.result;
    task.result = null;
    task.future.complete(r);
  }

  private void readerLoop(CompletableFuture<Void> ready) {
    Conn conn;
    try {
      conn = Conn.open(url, sync, true, statements, preparedSql);
    } catch (Throwable t) {
      ready.completeExceptionally(t);
      return;
    }
    ready.complete(null);
    try {
      while (true) {
        Task<?> task = takeUninterruptibly(reads);
        if (task == STOP) {
          break;
        }
        runRead(task, conn);
      }
    } finally {
      conn.close();
    }
  }

  private static <T> void runRead(Task<T> task, Conn conn) {
    try {
      task.future.complete(task.run(conn));
    } catch (Throwable t) {
      task.fail(Worker.translate(t));
    }
  }

  private static Task<?> takeUninterruptibly(BlockingQueue<Task<?>> q) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return q.take();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private <T> T write(SqlWork<T> work) {
    return submit(writes, new Task<>(work));
  }

  private <T> T read(SqlWork<T> work) {
    return submit(reads, new Task<>(work));
  }

  /** A read in one transaction, so all its statements see the same snapshot. */
  private <T> T readSnapshot(SqlWork<T> work) {
    return read(
        c -> {
          c.exec("BEGIN");
          try {
            return work.run(c);
          } finally {
            c.exec("COMMIT");
          }
        });
  }

  private <T> T submit(LinkedBlockingQueue<Task<?>> queue, Task<T> task) {
    if (closed) {
      throw closedException();
    }
    queue.add(task);
    if (closed && queue.remove(task)) {
      throw closedException();
    }
    return await(task.future);
  }

  /**
   * Waits for an operation without giving up on interrupt: a write that the caller abandoned could
   * still commit, and the caller would then release blobs the store references.
   */
  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw Worker.translate(e.getCause() == null ? e : e.getCause());
    } catch (CancellationException e) {
      throw closedException();
    }
  }

  private static CofferException closedException() {
    return new CofferException(ErrorCode.SERVICE_UNAVAILABLE, "The metadata store is closed.");
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    for (int i = 0; i < readers.size(); i++) {
      reads.add(STOP);
    }
    for (Thread t : readers) {
      joinUninterruptibly(t);
    }
    writes.add(STOP);
    joinUninterruptibly(writer);
    for (LinkedBlockingQueue<Task<?>> q : List.of(reads, writes)) {
      List<Task<?>> left = new ArrayList<>();
      q.drainTo(left);
      for (Task<?> t : left) {
        t.fail(closedException());
      }
    }
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // ============================================================================================
  // credentials
  // ============================================================================================

  @Override
  public Credential createCredential(String accessKey, String secretKey, String userName, Instant now) {
    long created = now.toEpochMilli();
    return write(
        c -> {
          PreparedStatement find = c.ps("SELECT 1 FROM credentials WHERE access_key = ?");
          find.setString(1, accessKey);
          try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
              throw new CofferException(ErrorCode.CREDENTIAL_ALREADY_EXISTS);
            }
          }
          PreparedStatement ins =
              c.ps(
                  "INSERT INTO credentials (access_key, secret_key, user_name, is_active, created_at)"
                      + " VALUES (?, ?, ?, 1, ?) RETURNING " + CRED_COLS);
          ins.setString(1, accessKey);
          ins.setString(2, secretKey);
          ins.setString(3, userName);
          ins.setLong(4, created);
          Credential cred;
          try (ResultSet rs = ins.executeQuery()) {
            rs.next();
            cred = credential(rs);
          }
          c.op.credentials++;
          return cred;
        });
  }

  @Override
  public Optional<Credential> findCredential(long id) {
    return read(
        c -> {
          PreparedStatement ps = c.ps("SELECT " + CRED_COLS + " FROM credentials WHERE id = ?");
          ps.setLong(1, id);
          return one(ps, SqliteMetadataStore::credential);
        });
  }

  @Override
  public Optional<Credential> findCredentialByAccessKey(String accessKey) {
    return read(
        c -> {
          PreparedStatement ps =
              c.ps("SELECT " + CRED_COLS + " FROM credentials WHERE access_key = ?");
          ps.setString(1, accessKey);
          return one(ps, SqliteMetadataStore::credential);
        });
  }

  @Override
  public List<Credential> listCredentials() {
    return read(
        c -> all(c.ps("SELECT " + CRED_COLS + " FROM credentials ORDER BY id"), SqliteMetadataStore::credential));
  }

  @Override
  public Credential updateCredential(long id, String userName, Boolean active) {
    return write(
        c -> {
          PreparedStatement ps =
              c.ps(
                  "UPDATE credentials SET user_name = coalesce(?, user_name),"
                      + " is_active = coalesce(?, is_active) WHERE id = ? RETURNING " + CRED_COLS);
          ps.setString(1, userName);
          if (active == null) {
            ps.setNull(2, java.sql.Types.INTEGER);
          } else {
            ps.setInt(2, active ? 1 : 0);
          }
          ps.setLong(3, id);
          return one(ps, SqliteMetadataStore::credential)
              .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_CREDENTIAL));
        });
  }

  @Override
  public Credential updateCredentialSecret(long id, String secretKey) {
    return write(
        c -> {
          PreparedStatement ps =
              c.ps("UPDATE credentials SET secret_key = ? WHERE id = ? RETURNING " + CRED_COLS);
          ps.setString(1, secretKey);
          ps.setLong(2, id);
          return one(ps, SqliteMetadataStore::credential)
              .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_CREDENTIAL));
        });
  }

  @Override
  public void deleteCredential(long id) {
    write(
        c -> {
          requireCredential(c, id);
          PreparedStatement owns = c.ps("SELECT 1 FROM buckets WHERE owner_id = ? LIMIT 1");
          owns.setLong(1, id);
          try (ResultSet rs = owns.executeQuery()) {
            if (rs.next()) {
              throw new CofferException(ErrorCode.CREDENTIAL_IN_USE);
            }
          }
          revokeAllOf(c, id);
          PreparedStatement del = c.ps("DELETE FROM credentials WHERE id = ?");
          del.setLong(1, id);
          del.executeUpdate();
          c.op.credentials--;
          return null;
        });
  }

  private static String requireCredential(Conn c, long id) throws SQLException {
    PreparedStatement ps = c.ps("SELECT access_key FROM credentials WHERE id = ?");
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new CofferException(ErrorCode.NO_SUCH_CREDENTIAL);
      }
      return rs.getString(1);
    }
  }

  private static Credential credential(ResultSet rs) throws SQLException {
    return new Credential(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5) != 0,
        Instant.ofEpochMilli(rs.getLong(6)));
  }

  // ============================================================================================
  // buckets
  // ============================================================================================

  @Override
  public Bucket createBucket(String name, long ownerId, String region, Instant now) {
    long created = now.toEpochMilli();
    return write(
        c -> {
          Optional<Bucket> existing = bucket(c, name);
          if (existing.isPresent()) {
            throw new CofferException(
                existing.get().ownerId() == ownerId
                    ? ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU
                    : ErrorCode.BUCKET_ALREADY_EXISTS);
          }
          requireCredential(c, ownerId);
          PreparedStatement ins =
              c.ps(
                  "INSERT INTO buckets (name, owner_id, region, created_at, object_count, total_size)"
                      + " VALUES (?, ?, ?, ?, 0, 0)");
          ins.setString(1, name);
          ins.setLong(2, ownerId);
          ins.setString(3, region);
          ins.setLong(4, created);
          ins.executeUpdate();
          c.op.buckets++;
          return new Bucket(name, ownerId, region, Instant.ofEpochMilli(created), 0, 0);
        });
  }

  @Override
  public Optional<Bucket> findBucket(String name) {
    return read(c -> bucket(c, name));
  }

  private static Optional<Bucket> bucket(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + BUCKET_COLS + " FROM buckets WHERE name = ?");
    ps.setString(1, name);
    return one(ps, SqliteMetadataStore::bucket);
  }

  /** Writer only: fails with NO_SUCH_BUCKET unless the bucket exists. */
  private static void requireBucket(Conn c, String name) throws SQLException {
    if (c.knownBuckets.contains(name)) {
      return;
    }
    PreparedStatement ps = c.ps("SELECT 1 FROM buckets WHERE name = ?");
    ps.setString(1, name);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
      }
    }
    if (c.knownBuckets.size() > 10_000) {
      c.knownBuckets.clear();
    }
    c.knownBuckets.add(name);
  }

  @Override
  public List<Bucket> listBuckets() {
    return read(
        c -> all(c.ps("SELECT " + BUCKET_COLS + " FROM buckets ORDER BY name"), SqliteMetadataStore::bucket));
  }

  @Override
  public List<Bucket> listBucketsOwnedBy(long ownerId) {
    return read(
        c -> {
          PreparedStatement ps =
              c.ps("SELECT " + BUCKET_COLS + " FROM buckets WHERE owner_id = ? ORDER BY name");
          ps.setLong(1, ownerId);
          return all(ps, SqliteMetadataStore::bucket);
        });
  }

  @Override
  public List<Part> deleteBucket(String name) {
    return write(
        c -> {
          c.knownBuckets.remove(name);
          requireBucket(c, name);
          c.knownBuckets.remove(name);
          PreparedStatement any = c.ps("SELECT 1 FROM objects WHERE bucket = ? LIMIT 1");
          any.setString(1, name);
          try (ResultSet rs = any.executeQuery()) {
            if (rs.next()) {
              throw new CofferException(ErrorCode.BUCKET_NOT_EMPTY);
            }
          }
          PreparedStatement parts =
              c.ps(
                  "SELECT p.upload_id, p.part_number, p.blob_id, p.size, p.etag, p.checksum_algorithm,"
                      + " p.checksum_value, p.checksum_type, p.last_modified"
                      + " FROM uploads u JOIN parts p ON p.upload_id = u.upload_id"
                      + " WHERE u.bucket = ? ORDER BY u.key, u.seq, p.part_number");
          parts.setString(1, name);
          List<Part> removed = all(parts, SqliteMetadataStore::part);
          PreparedStatement delParts =
              c.ps(
                  "DELETE FROM parts WHERE upload_id IN (SELECT upload_id FROM uploads WHERE bucket = ?)");
          delParts.setString(1, name);
          delParts.executeUpdate();
          PreparedStatement delUploads = c.ps("DELETE FROM uploads WHERE bucket = ?");
          delUploads.setString(1, name);
          int uploads = delUploads.executeUpdate();
          PreparedStatement del = c.ps("DELETE FROM buckets WHERE name = ?");
          del.setString(1, name);
          del.executeUpdate();
          c.op.buckets--;
          c.op.uploads -= uploads;
          return removed;
        });
  }

  private static Bucket bucket(ResultSet rs) throws SQLException {
    return new Bucket(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        rs.getLong(5),
        rs.getLong(6));
  }

  // ============================================================================================
  // objects
  // ============================================================================================

  /** An object's row, encoded on the caller's thread. */
  private record ObjectRow(ObjectMeta meta, byte[] key, String headers, String userMeta) {
    static ObjectRow of(ObjectMeta m) {
      return new ObjectRow(m, Keys.utf8(m.key()), Json.encode(m.headers()), Json.encode(m.userMetadata()));
    }
  }

  @Override
  public Optional<ObjectMeta> findObject(String bucket, String key) {
    byte[] k = Keys.utf8(key);
    return read(c -> currentObject(c, bucket, k));
  }

  private static Optional<ObjectMeta> currentObject(Conn c, String bucket, byte[] key)
      throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT " + OBJ_COLS + ", inline_data FROM objects WHERE bucket = ? AND key = ?");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    return one(ps, rs -> object(rs, true));
  }

  /**
   * Writer: the current version of a key. Probes for the key first: a query's cost in the driver
   * grows with its column count even when no row comes back, and most writes create new keys.
   */
  private static Optional<ObjectMeta> currentForWrite(Conn c, String bucket, byte[] key)
      throws SQLException {
    PreparedStatement probe = c.ps("SELECT 1 FROM objects WHERE bucket = ? AND key = ?");
    probe.setString(1, bucket);
    probe.setBytes(2, key);
    try (ResultSet rs = probe.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
    }
    return currentObject(c, bucket, key);
  }

  @Override
  public List<Segment> findSegments(String storageId) {
    return read(c -> segments(c, storageId));
  }

  private static List<Segment> segments(Conn c, String storageId) throws SQLException {
    PreparedStatement ps =
        c.ps(
            "SELECT part_number, blob_id, size, etag, checksum_algorithm, checksum_value,"
                + " checksum_type FROM segments WHERE storage_id = ? ORDER BY part_number");
    ps.setString(1, storageId);
    return all(
        ps,
        rs ->
            new Segment(
                rs.getInt(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                checksum(rs.getString(5), rs.getString(6), rs.getString(7))));
  }

  @Override
  public Replaced putObject(ObjectMeta object, WritePrecondition precondition) {
    ObjectRow row = ObjectRow.of(object);
    WritePrecondition pre = precondition == null ? WritePrecondition.NONE : precondition;
    return write(
        c -> {
          requireBucket(c, object.bucket());
          ObjectMeta previous = currentForWrite(c, object.bucket(), row.key()).orElse(null);
          check(pre, previous);
          Replaced replaced = release(c, previous, object.storageId());
          insertObject(c, row);
          c.op.object(object.bucket(), previous == null ? 1 : 0, object.size() - sizeOf(previous));
          return replaced;
        });
  }

  @Override
  public Replaced deleteObject(String bucket, String key, WritePrecondition precondition) {
    byte[] k = Keys.utf8(key);
    WritePrecondition pre = precondition == null ? WritePrecondition.NONE : precondition;
    WritePrecondition ifMatchOnly = new WritePrecondition(pre.ifMatch(), false);
    return write(
        c -> {
          requireBucket(c, bucket);
          ObjectMeta previous = currentForWrite(c, bucket, k).orElse(null);
          check(ifMatchOnly, previous);
          if (previous == null) {
            return Replaced.NOTHING;
          }
          Replaced replaced = release(c, previous, null);
          PreparedStatement del = c.ps("DELETE FROM objects WHERE bucket = ? AND key = ?");
          del.setString(1, bucket);
          del.setBytes(2, k);
          del.executeUpdate();
          c.op.object(bucket, -1, -previous.size());
          return replaced;
        });
  }

  private static long sizeOf(ObjectMeta m) {
    return m == null ? 0 : m.size();
  }

  /** Checks a precondition against the current version (null when the key is absent). */
  private static void check(WritePrecondition pre, ObjectMeta current) {
    if (pre.ifNoneMatchAny() && current != null) {
      throw new CofferException(ErrorCode.PRECONDITION_FAILED);
    }
    if (pre.ifMatch() != null) {
      if (current == null) {
        throw new CofferException(ErrorCode.NO_SUCH_KEY);
      }
      String want = unquote(pre.ifMatch());
      if (!want.equals("*") && !want.equals(unquote(current.etag()))) {
        throw new CofferException(ErrorCode.PRECONDITION_FAILED);
      }
    }
  }

  static String unquote(String etag) {
    String s = etag.trim();
    if (s.startsWith("W/")) {
      s = s.substring(2);
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }

  /**
   * Releases what {@code previous} stored its bytes in: deletes its segments rows and reports their
   * blobs, or its own blob when it was a single non-inline piece.
   */
  private static Replaced release(Conn c, ObjectMeta previous, String keepBlob) throws SQLException {
    if (previous == null) {
      return Replaced.NOTHING;
    }
    List<String> blobs = new ArrayList<>();
    if (previous.isMultipart()) {
      PreparedStatement sel =
          c.ps("SELECT blob_id FROM segments WHERE storage_id = ? ORDER BY part_number");
      sel.setString(1, previous.storageId());
      try (ResultSet rs = sel.executeQuery()) {
        while (rs.next()) {
          blobs.add(rs.getString(1));
        }
      }
      PreparedStatement del = c.ps("DELETE FROM segments WHERE storage_id = ?");
      del.setString(1, previous.storageId());
      del.executeUpdate();
    } else if (!previous.isInline() && !previous.storageId().equals(keepBlob)) {
      blobs.add(previous.storageId());
    }
    return new Replaced(previous, List.copyOf(blobs));
  }

  private static void insertObject(Conn c, ObjectRow row) throws SQLException {
    ObjectMeta m = row.meta();
    PreparedStatement ps =
        c.ps(
            "INSERT OR REPLACE INTO objects (" + OBJ_COLS + ", inline_data)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, m.bucket());
    ps.setBytes(2, row.key());
    ps.setString(3, m.storageId());
    ps.setLong(4, m.size());
    ps.setString(5, m.etag());
    ps.setString(6, m.contentType());
    ps.setString(7, row.headers());
    ps.setString(8, row.userMeta());
    StoredChecksum ck = m.checksum();
    ps.setString(9, ck == null ? null : ck.algorithm());
    ps.setString(10, ck == null ? null : ck.value());
    ps.setString(11, ck == null ? null : ck.type());
    ps.setInt(12, m.partCount());
    ps.setLong(13, m.createdAt().toEpochMilli());
    ps.setLong(14, (m.updatedAt() == null ? m.createdAt() : m.updatedAt()).toEpochMilli());
    if (m.inlineData() == null) {
      ps.setNull(15, java.sql.Types.BLOB);
    } else {
      ps.setBytes(15, m.inlineData());
    }
    ps.executeUpdate();
  }

  /** Writes the counter changes of a group commit, inside its transaction. */
  private static void flushCounters(Conn c) throws SQLException {
    Conn.Deltas d = c.group;
    if (d.isEmpty()) {
      return;
    }
    for (Map.Entry<String, long[]> e : d.perBucket.entrySet()) {
      long[] v = e.getValue();
      if (v[0] == 0 && v[1] == 0) {
        continue;
      }
      PreparedStatement b =
          c.ps(
              "UPDATE buckets SET object_count = object_count + ?, total_size = total_size + ?"
                  + " WHERE name = ?");
      b.setLong(1, v[0]);
      b.setLong(2, v[1]);
      b.setString(3, e.getKey());
      b.executeUpdate();
    }
    PreparedStatement g =
        c.ps(
            "UPDATE counters SET credentials = credentials + ?, buckets = buckets + ?,"
                + " objects = objects + ?, bytes = bytes + ?, uploads = uploads + ? WHERE id = 1");
    g.setLong(1, d.credentials);
    g.setLong(2, d.buckets);
    g.setLong(3, d.objects);
    g.setLong(4, d.bytes);
    g.setLong(5, d.uploads);
    g.executeUpdate();
    d.clear();
  }

  private static ObjectMeta object(ResultSet rs, boolean withInline) throws SQLException {
    return object(rs, withInline, rs.getBytes(2));
  }

  private static ObjectMeta object(ResultSet rs, boolean withInline, byte[] key) throws SQLException {
    return new ObjectMeta(
        rs.getString(1),
        Keys.string(key),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        Json.decode(rs.getString(7)),
        Json.decode(rs.getString(8)),
        checksum(rs.getString(9), rs.getString(10), rs.getString(11)),
        rs.getInt(12),
        Instant.ofEpochMilli(rs.getLong(13)),
        Instant.ofEpochMilli(rs.getLong(14)),
        withInline ? rs.getBytes(15) : null);
  }

  private static StoredChecksum checksum(String algorithm, String value, String type) {
    return algorithm == null ? null : new StoredChecksum(algorithm, value, type);
  }

  // ---- listing ----

  @Override
  public ListPage listObjects(ListQuery q) {
    if (q.maxKeys() <= 0) {
      return new ListPage(List.of(), List.of(), false, null);
    }
    Range range = Range.of(q.prefix(), q.delimiter(), q.after());
    if (range.empty()) {
      return new ListPage(List.of(), List.of(), false, null);
    }
    String bucket = q.bucket();
    Scan<ObjectMeta> scan =
        readSnapshot(
            c ->
                skipScan(
                    (from, to) -> {
                      PreparedStatement ps =
                          c.ps(
                              "SELECT " + OBJ_COLS + " FROM objects"
                                  + " WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key");
                      ps.setString(1, bucket);
                      ps.setBytes(2, from);
                      ps.setBytes(3, to);
                      return new RowCursor<>(ps.executeQuery(), 2, (rs, key) -> object(rs, false, key));
                    },
                    null,
                    range,
                    q.maxKeys()));
    String last =
        scan.lastPrefix() != null ? scan.lastPrefix() : scan.lastItem() == null ? null : scan.lastItem().key();
    return new ListPage(scan.items(), scan.prefixes(), scan.truncated(), last);
  }

  /**
   * The byte range of a listing: keys from {@code from} (inclusive) to {@code upper} (exclusive),
   * all starting with {@code prefix}, grouped by {@code delimiter}, entries after {@code after}.
   */
  private record Range(byte[] prefix, byte[] delimiter, byte[] after, byte[] from, byte[] upper) {
    static Range of(String prefix, String delimiter, String after) {
      byte[] p = Keys.utf8(prefix == null ? "" : prefix);
      byte[] d = delimiter == null || delimiter.isEmpty() ? null : Keys.utf8(delimiter);
      byte[] a = after == null ? null : Keys.utf8(after);
      byte[] from = p;
      if (a != null) {
        byte[] succ = Keys.successor(a);
        if (Keys.compare(succ, from) > 0) {
          from = succ;
        }
      }
      return new Range(p, d, a, from, Keys.prefixUpperBound(p));
    }

    boolean empty() {
      return Keys.compare(from, upper) >= 0;
    }
  }

  @FunctionalInterface
  private interface RowMapper<R> {
    R map(ResultSet rs) throws SQLException;
  }

  @FunctionalInterface
  private interface KeyedRowMapper<R> {
    R map(ResultSet rs, byte[] key) throws SQLException;
  }

  @FunctionalInterface
  private interface RangeSource<R> {
    RowCursor<R> open(byte[] fromInclusive, byte[] toExclusive) throws SQLException;
  }

  /** Steps a result set lazily (SQLite produces rows on demand, so stopping early is free). */
  private static final class RowCursor<R> implements AutoCloseable {
    private final ResultSet rs;
    private final int keyColumn;
    private final KeyedRowMapper<R> mapper;
    private byte[] key;

    RowCursor(ResultSet rs, int keyColumn, KeyedRowMapper<R> mapper) {
      this.rs = rs;
      this.keyColumn = keyColumn;
      this.mapper = mapper;
    }

    boolean next() throws SQLException {
      key = null;
      return rs.next();
    }

    byte[] key() throws SQLException {
      if (key == null) {
        key = rs.getBytes(keyColumn);
      }
      return key;
    }

    R row() throws SQLException {
      return mapper.map(rs, key());
    }

    @Override
    public void close() throws SQLException {
      rs.close();
    }
  }

  private record Scan<R>(
      List<R> items, List<String> prefixes, boolean truncated, R lastItem, String lastPrefix) {}

  /**
   * One page of a listing with the delimiter skip-scan: rows are stepped in key order; a key with
   * the delimiter after the prefix yields its common prefix, and the scan then seeks past every key
   * starting with it (one new indexed range query), so a "folder" of any size costs one seek.
   *
   * @param initial rows to consider before the range (listUploads: later uploads of the marker key)
   */
  private static <R> Scan<R> skipScan(RangeSource<R> source, RowCursor<R> initial, Range range, int max)
      throws SQLException {
    List<R> items = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    R lastItem = null;
    String lastPrefix = null;
    boolean truncated = false;
    int count = 0;
    byte[] from = range.from();
    byte[] delim = range.delimiter();
    int prefixLength = range.prefix().length;
    RowCursor<R> cursor = initial;
    boolean initialPhase = initial != null;
    try {
      scan:
      while (true) {
        if (cursor == null) {
          if (Keys.compare(from, range.upper()) >= 0) {
            break;
          }
          cursor = source.open(from, range.upper());
        }
        boolean seek = false;
        while (cursor.next()) {
          byte[] key = cursor.key();
          int d = delim == null ? -1 : Keys.indexOf(key, delim, prefixLength);
          if (d < 0) {
            if (count == max) {
              truncated = true;
              break scan;
            }
            lastItem = cursor.row();
            lastPrefix = null;
            items.add(lastItem);
            count++;
            continue;
          }
          byte[] common = Arrays.copyOf(key, d + delim.length);
          if (range.after() == null || Keys.compare(common, range.after()) > 0) {
            if (count == max) {
              truncated = true;
              break scan;
            }
            lastPrefix = Keys.string(common);
            prefixes.add(lastPrefix);
            count++;
          }
          byte[] past = Keys.prefixUpperBound(common);
          if (Keys.compare(past, from) > 0) {
            from = past;
          }
          seek = true;
          break;
        }
        cursor.close();
        cursor = null;
        if (!seek && !initialPhase) {
          break;
        }
        initialPhase = false;
      }
    } finally {
      if (cursor != null) {
        cursor.close();
      }
    }
    return new Scan<>(items, prefixes, truncated, lastItem, lastPrefix);
  }

  @Override
  public void forEachReferencedBlob(Consumer<String> sink) {
    // A reader streams the IDs from one snapshot in batches through a small queue; the sink runs
    // on the caller's thread.
    ArrayBlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(4);
    AtomicBoolean cancelled = new AtomicBoolean();
    Task<Void> producer =
        new Task<>(
            c -> {
              c.exec("BEGIN");
              try {
                List<String> batch = new ArrayList<>(1024);
                for (String sql :
                    List.of(
                        "SELECT storage_id FROM objects WHERE part_count = 0 AND inline_data IS NULL",
                        "SELECT blob_id FROM segments",
                        "SELECT blob_id FROM parts")) {
                  try (ResultSet rs = c.ps(sql).executeQuery()) {
                    while (rs.next()) {
                      batch.add(rs.getString(1));
                      if (batch.size() == 1024) {
                        if (!offer(queue, batch, cancelled)) {
                          return null;
                        }
                        batch = new ArrayList<>(1024);
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
    if (closed) {
      throw closedException();
    }
    reads.add(producer);
    if (closed && reads.remove(producer)) {
      throw closedException();
    }
    try {
      while (true) {
        List<String> batch = queue.poll();
        if (batch == null) {
          if (producer.future.isDone() && queue.isEmpty()) {
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
    await(producer.future);
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

  // ============================================================================================
  // multipart uploads
  // ============================================================================================

  @Override
  public void createUpload(MultipartUpload u) {
    byte[] key = Keys.utf8(u.key());
    String headers = Json.encode(u.headers());
    String userMeta = Json.encode(u.userMetadata());
    write(
        c -> {
          requireBucket(c, u.bucket());
          long seq;
          try (ResultSet rs =
              c.ps("UPDATE counters SET upload_seq = upload_seq + 1 WHERE id = 1 RETURNING upload_seq")
                  .executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
          }
          c.op.uploads++;
          PreparedStatement ins =
              c.ps(
                  "INSERT INTO uploads (" + UPLOAD_COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          ins.setString(1, u.uploadId());
          ins.setString(2, u.bucket());
          ins.setBytes(3, key);
          ins.setLong(4, u.initiatorId());
          ins.setString(5, u.contentType());
          ins.setString(6, headers);
          ins.setString(7, userMeta);
          ins.setString(8, u.checksumAlgorithm());
          ins.setString(9, u.checksumType());
          ins.setLong(10, u.initiatedAt().toEpochMilli());
          ins.setLong(11, seq);
          ins.executeUpdate();
          return null;
        });
  }

  @Override
  public Optional<MultipartUpload> findUpload(String uploadId) {
    return read(c -> upload(c, uploadId));
  }

  private static Optional<MultipartUpload> upload(Conn c, String uploadId) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + UPLOAD_COLS + " FROM uploads WHERE upload_id = ?");
    ps.setString(1, uploadId);
    return one(ps, SqliteMetadataStore::upload);
  }

  private static MultipartUpload requireUpload(Conn c, String uploadId) throws SQLException {
    return upload(c, uploadId).orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_UPLOAD));
  }

  private static MultipartUpload upload(ResultSet rs) throws SQLException {
    return new MultipartUpload(
        rs.getString(1),
        rs.getString(2),
        Keys.string(rs.getBytes(3)),
        rs.getLong(4),
        rs.getString(5),
        Json.decode(rs.getString(6)),
        Json.decode(rs.getString(7)),
        rs.getString(8),
        rs.getString(9),
        Instant.ofEpochMilli(rs.getLong(10)));
  }

  @Override
  public Optional<String> putPart(Part part) {
    return write(
        c -> {
          requireUploadExists(c, part.uploadId());
          PreparedStatement old =
              c.ps("SELECT blob_id FROM parts WHERE upload_id = ? AND part_number = ?");
          old.setString(1, part.uploadId());
          old.setInt(2, part.partNumber());
          String replaced = null;
          try (ResultSet rs = old.executeQuery()) {
            if (rs.next()) {
              replaced = rs.getString(1);
            }
          }
          PreparedStatement ins =
              c.ps("INSERT OR REPLACE INTO parts (" + PART_COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
          ins.setString(1, part.uploadId());
          ins.setInt(2, part.partNumber());
          ins.setString(3, part.blobId());
          ins.setLong(4, part.size());
          ins.setString(5, part.etag());
          StoredChecksum ck = part.checksum();
          ins.setString(6, ck == null ? null : ck.algorithm());
          ins.setString(7, ck == null ? null : ck.value());
          ins.setString(8, ck == null ? null : ck.type());
          ins.setLong(9, part.lastModified().toEpochMilli());
          ins.executeUpdate();
          return replaced == null || replaced.equals(part.blobId())
              ? Optional.<String>empty()
              : Optional.of(replaced);
        });
  }

  private static void requireUploadExists(Conn c, String uploadId) throws SQLException {
    PreparedStatement ps = c.ps("SELECT 1 FROM uploads WHERE upload_id = ?");
    ps.setString(1, uploadId);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new CofferException(ErrorCode.NO_SUCH_UPLOAD);
      }
    }
  }

  @Override
  public List<Part> listParts(String uploadId, int afterPartNumber, int maxParts) {
    if (maxParts <= 0) {
      return List.of();
    }
    return read(
        c -> {
          PreparedStatement ps =
              c.ps(
                  "SELECT " + PART_COLS + " FROM parts WHERE upload_id = ? AND part_number > ?"
                      + " ORDER BY part_number LIMIT ?");
          ps.setString(1, uploadId);
          ps.setInt(2, afterPartNumber);
          ps.setInt(3, maxParts);
          return all(ps, SqliteMetadataStore::part);
        });
  }

  private static List<Part> allParts(Conn c, String uploadId) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT " + PART_COLS + " FROM parts WHERE upload_id = ? ORDER BY part_number");
    ps.setString(1, uploadId);
    return all(ps, SqliteMetadataStore::part);
  }

  private static Part part(ResultSet rs) throws SQLException {
    return new Part(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        checksum(rs.getString(6), rs.getString(7), rs.getString(8)),
        Instant.ofEpochMilli(rs.getLong(9)));
  }

  @Override
  public UploadListing listUploads(
      String bucket,
      String prefix,
      String delimiter,
      String keyMarker,
      String uploadIdMarker,
      int maxUploads) {
    if (maxUploads <= 0) {
      return new UploadListing(List.of(), List.of(), false, null, null);
    }
    String marker = keyMarker == null || keyMarker.isEmpty() ? null : keyMarker;
    Range range = Range.of(prefix, delimiter, marker);
    byte[] markerKey = marker == null ? null : Keys.utf8(marker);
    record Row(MultipartUpload upload, long seq) {}
    KeyedRowMapper<Row> mapper = (rs, key) -> new Row(upload(rs), rs.getLong(11));
    Scan<Row> scan =
        readSnapshot(
            c -> {
              RowCursor<Row> initial = null;
              if (markerKey != null && uploadIdMarker != null && !uploadIdMarker.isEmpty()) {
                // later uploads of the marker key itself
                PreparedStatement seqOf =
                    c.ps("SELECT seq FROM uploads WHERE upload_id = ? AND bucket = ? AND key = ?");
                seqOf.setString(1, uploadIdMarker);
                seqOf.setString(2, bucket);
                seqOf.setBytes(3, markerKey);
                Long seq = null;
                try (ResultSet rs = seqOf.executeQuery()) {
                  if (rs.next()) {
                    seq = rs.getLong(1);
                  }
                }
                if (seq != null && Keys.compare(markerKey, range.prefix()) >= 0
                    && Keys.compare(markerKey, range.upper()) < 0) {
                  PreparedStatement ps =
                      c.ps(
                          "SELECT " + UPLOAD_COLS + " FROM uploads"
                              + " WHERE bucket = ? AND key = ? AND seq > ? ORDER BY seq");
                  ps.setString(1, bucket);
                  ps.setBytes(2, markerKey);
                  ps.setLong(3, seq);
                  initial = new RowCursor<>(ps.executeQuery(), 3, mapper);
                }
              }
              if (range.empty() && initial == null) {
                return new Scan<Row>(List.of(), List.of(), false, null, null);
              }
              return skipScan(
                  (from, to) -> {
                    PreparedStatement ps =
                        c.ps(
                            "SELECT " + UPLOAD_COLS + " FROM uploads"
                                + " WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key, seq");
                    ps.setString(1, bucket);
                    ps.setBytes(2, from);
                    ps.setBytes(3, to);
                    return new RowCursor<>(ps.executeQuery(), 3, mapper);
                  },
                  initial,
                  range,
                  maxUploads);
            });
    List<MultipartUpload> uploads = new ArrayList<>(scan.items().size());
    for (Row r : scan.items()) {
      uploads.add(r.upload());
    }
    String nextKey = null;
    String nextId = null;
    if (scan.truncated()) {
      if (scan.lastPrefix() != null) {
        nextKey = scan.lastPrefix();
      } else {
        nextKey = scan.lastItem().upload().key();
        nextId = scan.lastItem().upload().uploadId();
      }
    }
    return new UploadListing(uploads, scan.prefixes(), scan.truncated(), nextKey, nextId);
  }

  @Override
  public List<Part> abortUpload(String uploadId) {
    return write(
        c -> {
          requireUploadExists(c, uploadId);
          List<Part> parts = allParts(c, uploadId);
          removeUpload(c, uploadId);
          return parts;
        });
  }

  private static void removeUpload(Conn c, String uploadId) throws SQLException {
    PreparedStatement delParts = c.ps("DELETE FROM parts WHERE upload_id = ?");
    delParts.setString(1, uploadId);
    delParts.executeUpdate();
    PreparedStatement del = c.ps("DELETE FROM uploads WHERE upload_id = ?");
    del.setString(1, uploadId);
    del.executeUpdate();
    c.op.uploads--;
  }

  @Override
  public Completed completeUpload(
      String uploadId, ObjectMeta object, List<Segment> segments, WritePrecondition precondition) {
    ObjectRow row = ObjectRow.of(object);
    WritePrecondition pre = precondition == null ? WritePrecondition.NONE : precondition;
    List<Segment> segs = List.copyOf(segments);
    return write(
        c -> {
          requireUploadExists(c, uploadId);
          requireBucket(c, object.bucket());
          ObjectMeta previous = currentForWrite(c, object.bucket(), row.key()).orElse(null);
          check(pre, previous);
          List<Part> parts = allParts(c, uploadId);
          Map<Integer, Part> byNumber = new HashMap<>();
          for (Part p : parts) {
            byNumber.put(p.partNumber(), p);
          }
          Set<String> used = new HashSet<>();
          for (Segment s : segs) {
            Part p = byNumber.get(s.partNumber());
            if (p == null || !p.blobId().equals(s.blobId())) {
              throw new CofferException(ErrorCode.INVALID_PART);
            }
            used.add(s.blobId());
          }
          Replaced replaced = release(c, previous, null);
          insertObject(c, row);
          PreparedStatement ins =
              c.ps(
                  "INSERT OR REPLACE INTO segments (storage_id, part_number, blob_id, size, etag,"
                      + " checksum_algorithm, checksum_value, checksum_type)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          for (Segment s : segs) {
            ins.setString(1, object.storageId());
            ins.setInt(2, s.partNumber());
            ins.setString(3, s.blobId());
            ins.setLong(4, s.size());
            ins.setString(5, s.etag());
            StoredChecksum ck = s.checksum();
            ins.setString(6, ck == null ? null : ck.algorithm());
            ins.setString(7, ck == null ? null : ck.value());
            ins.setString(8, ck == null ? null : ck.type());
            ins.executeUpdate();
          }
          removeUpload(c, uploadId);
          c.op.object(object.bucket(), previous == null ? 1 : 0, object.size() - sizeOf(previous));
          List<String> unused = new ArrayList<>();
          for (Part p : parts) {
            if (!used.contains(p.blobId())) {
              unused.add(p.blobId());
            }
          }
          return new Completed(replaced, List.copyOf(unused));
        });
  }

  // ============================================================================================
  // presigned URLs
  // ============================================================================================

  @Override
  public PresignedUrl createPresignedUrl(
      String hash,
      String bucket,
      String key,
      String method,
      long credentialId,
      Instant expiresAt,
      Instant now) {
    long expires = expiresAt.toEpochMilli();
    long created = now.toEpochMilli();
    return write(
        c -> {
          String accessKey = requireCredential(c, credentialId);
          PreparedStatement ps =
              c.ps(
                  "INSERT INTO presigned_urls (hash, bucket, key, method, credential_id, access_key,"
                      + " expires_at, created_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"
                      + " RETURNING " + PRESIGNED_COLS);
          ps.setString(1, hash);
          ps.setString(2, bucket);
          ps.setString(3, key);
          ps.setString(4, method);
          ps.setLong(5, credentialId);
          ps.setString(6, accessKey);
          ps.setLong(7, expires);
          ps.setLong(8, created);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return presigned(rs);
          }
        });
  }

  @Override
  public Optional<PresignedUrl> findPresignedUrlByHash(String hash) {
    return read(
        c -> {
          PreparedStatement ps = c.ps("SELECT " + PRESIGNED_COLS + " FROM presigned_urls WHERE hash = ?");
          ps.setString(1, hash);
          return one(ps, SqliteMetadataStore::presigned);
        });
  }

  @Override
  public List<PresignedUrl> listPresignedUrls() {
    return read(
        c ->
            all(
                c.ps("SELECT " + PRESIGNED_COLS + " FROM presigned_urls ORDER BY id"),
                SqliteMetadataStore::presigned));
  }

  @Override
  public void revokePresignedUrl(long id) {
    write(
        c -> {
          PreparedStatement ps = c.ps("UPDATE presigned_urls SET revoked = 1 WHERE id = ?");
          ps.setLong(1, id);
          if (ps.executeUpdate() == 0) {
            throw new CofferException(ErrorCode.NO_SUCH_PRESIGNED_URL);
          }
          return null;
        });
  }

  @Override
  public void revokePresignedUrlsOf(long credentialId) {
    write(
        c -> {
          revokeAllOf(c, credentialId);
          return null;
        });
  }

  private static void revokeAllOf(Conn c, long credentialId) throws SQLException {
    PreparedStatement ps =
        c.ps("UPDATE presigned_urls SET revoked = 1 WHERE credential_id = ? AND revoked = 0");
    ps.setLong(1, credentialId);
    ps.executeUpdate();
  }

  private static PresignedUrl presigned(ResultSet rs) throws SQLException {
    return new PresignedUrl(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)),
        Instant.ofEpochMilli(rs.getLong(9)),
        rs.getInt(10) != 0);
  }

  // ============================================================================================
  // stats
  // ============================================================================================

  @Override
  public Stats stats(Instant now) {
    long t = now.toEpochMilli();
    return readSnapshot(
        c -> {
          long credentials, buckets, objects, bytes, uploads;
          try (ResultSet rs =
              c.ps("SELECT credentials, buckets, objects, bytes, uploads FROM counters WHERE id = 1")
                  .executeQuery()) {
            rs.next();
            credentials = rs.getLong(1);
            buckets = rs.getLong(2);
            objects = rs.getLong(3);
            bytes = rs.getLong(4);
            uploads = rs.getLong(5);
          }
          PreparedStatement ps =
              c.ps("SELECT count(*) FROM presigned_urls WHERE revoked = 0 AND expires_at > ?");
          ps.setLong(1, t);
          long presigned;
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            presigned = rs.getLong(1);
          }
          return new Stats(credentials, buckets, objects, bytes, uploads, presigned);
        });
  }

  // ============================================================================================
  // helpers
  // ============================================================================================

  private static <R> Optional<R> one(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
    }
  }

  private static <R> List<R> all(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
    List<R> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
    }
    return out;
  }
}
