package io.coffer.meta.sqlite;

import io.coffer.concurrent.NonBlocking;
import io.coffer.meta.sqlite.Worker.SqlAction;
import io.coffer.meta.sqlite.Worker.SqlWork;
import io.coffer.meta.sqlite.Worker.Task;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectEvent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The threads that own the store's connections. SQLite is native code, so no SQLite call ever runs
 * on a caller's thread (callers are often virtual threads, which native frames would pin).
 *
 * <p>One platform writer thread owns the only writing connection and applies queued writes in group
 * commits: it drains the queue, runs up to {@value #MAX_GROUP} operations in one transaction and
 * commits once; a completer thread then completes every caller's future while the writer goes on
 * with the next group. A failing operation fails alone: if it had changed rows, the group is rolled
 * back and run again with each operation in its own SAVEPOINT. A few platform reader threads own
 * read-only connections and serve reads from a shared queue.
 *
 * <p>Point reads (one primary-key lookup, microseconds of native work) are the exception: they run
 * on the caller's thread with a pooled read-only connection. Two thread hand-offs (queue, reader
 * wake-up, future completion, caller wake-up) cost more than the lookup itself, and a carrier
 * pinned for a lookup is no worse than one busy with any other short computation. Longer reads
 * (listings, snapshots) keep the reader threads, so a pinned carrier stays short-lived.
 */
final class SqliteWorkers implements AutoCloseable {
  static final int MAX_GROUP = 256;
  static final int READERS = 4;

  /** As many as virtual threads can run at once: the carriers, one per core. */
  static final int DIRECT_READERS = Math.max(2, Runtime.getRuntime().availableProcessors());

  /** Marks the end of a worker's queue. */
  private static final Task<Void> STOP = new Task<>(c -> null);

  private final String url;
  private final boolean sync;
  private final LongAdder statements = new LongAdder();
  private final Set<String> preparedSql = ConcurrentHashMap.newKeySet();
  private final LinkedBlockingQueue<Task<?>> writes = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Task<?>> reads = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final ExecutorService completer =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("coffer-sqlite-completer").daemon().factory());
  private final List<Thread> readers = new ArrayList<>();
  private final ArrayBlockingQueue<Conn> idleDirect = new ArrayBlockingQueue<>(DIRECT_READERS);
  private final AtomicBoolean closing = new AtomicBoolean();
  private final EventOptions eventOptions = new EventOptions();
  private volatile @Nullable Checkpointer checkpointer;
  private volatile boolean closed;
  private final ObjectChanges objectChanges = new ObjectChanges();

  SqliteWorkers(String url, boolean sync) {
    this.url = url;
    this.sync = sync;
    CompletableFuture<Void> writerReady = new CompletableFuture<>();
    writer =
        Thread.ofPlatform()
            .name("coffer-sqlite-writer")
            .daemon()
            .unstarted(() -> writerLoop(writerReady));
    writer.start();
    await(writerReady);
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      CompletableFuture<Void> r = new CompletableFuture<>();
      ready.add(r);
      Thread t =
          Thread.ofPlatform()
              .name("coffer-sqlite-reader-" + i)
              .daemon()
              .unstarted(() -> readerLoop(r));
      readers.add(t);
      t.start();
    }
    try {
      for (CompletableFuture<Void> r : ready) {
        await(r);
      }
      for (int i = 0; i < DIRECT_READERS; i++) {
        idleDirect.add(Conn.open(url, sync, true, statements, preparedSql));
      }
      checkpointer = new Checkpointer(url, sync, statements, preparedSql);
    } catch (RuntimeException | SQLException e) {
      close();
      throw Worker.translate(e);
    }
  }

  /** Which objects the writes changed, group by group (for the store's cache of objects). */
  ObjectChanges objectChanges() {
    return objectChanges;
  }

  long statementCount() {
    return statements.sum();
  }

  Set<String> preparedSql() {
    return Set.copyOf(preparedSql);
  }

  /** See MetadataStore#setEventListener. */
  void setEventListener(@Nullable Consumer<ObjectEvent> listener) {
    eventOptions.listener = listener;
  }

  /** See MetadataStore#setOutboxLimit. */
  void setOutboxLimit(long eventsPerTarget) {
    eventOptions.outboxLimit = eventsPerTarget;
  }

  /** Writes waiting for the writer thread (for tests that need several in one group). */
  int queuedWrites() {
    return writes.size();
  }

  /** Runs a write on the writer thread, in the next group commit, and waits for the commit. */
  <T> T write(SqlWork<T> work) {
    return await(enqueue(writes, new Task<>(work)));
  }

  /** As {@link #write}, for a write that returns nothing. */
  void writeVoid(SqlAction action) {
    write(
        c -> {
          action.run(c);
          return null;
        });
  }

  /** Runs a read on a reader thread and waits for it. */
  <T> T read(SqlWork<T> work) {
    return await(enqueue(reads, new Task<>(work)));
  }

  /**
   * Runs a point read on the caller's thread with a pooled connection, or on a reader thread when
   * every pooled connection is busy.
   */
  @SuppressWarnings("NullAway") // only Void writes return null, and a point read is no write
  <T> T readPoint(SqlWork<T> work) {
    NonBlocking.mayBlock();
    if (closed) {
      throw closedException();
    }
    Conn conn = idleDirect.poll();
    if (conn == null) {
      return read(work);
    }
    try {
      return work.run(conn);
    } catch (Throwable t) {
      throw Worker.translate(t);
    } finally {
      idleDirect.add(conn);
      if (closed) {
        closeIdleDirect(); // close() may have emptied the pool while this one was out
      }
    }
  }

  private void closeIdleDirect() {
    Conn idle;
    while ((idle = idleDirect.poll()) != null) {
      idle.close();
    }
  }

  /** A read in one transaction, so all its statements see the same snapshot. */
  <T> T readSnapshot(SqlWork<T> work) {
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

  /** Queues a read without waiting for it (for reads that hand results over while they run). */
  <T> CompletableFuture<T> startRead(SqlWork<T> work) {
    return enqueue(reads, new Task<>(work));
  }

  private <T> CompletableFuture<T> enqueue(LinkedBlockingQueue<Task<?>> queue, Task<T> task) {
    NonBlocking.mayBlock();
    if (closed) {
      throw closedException();
    }
    queue.add(task);
    if (closed && queue.remove(task)) {
      throw closedException();
    }
    return task.future;
  }

  /**
   * Waits for an operation without giving up on interrupt: a write that the caller abandoned could
   * still commit, and the caller would then release blobs the store references.
   */
  static <T> T await(CompletableFuture<T> f) {
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

  private void writerLoop(CompletableFuture<Void> ready) {
    Conn conn;
    try {
      conn = Conn.open(url, sync, false, statements, preparedSql);
      Schema.migrate(conn);
      objectChanges.watch(conn);
      // checkpoints are the checkpointer's; this is only the bound for when it falls behind
      conn.exec("PRAGMA wal_autocheckpoint = " + Checkpointer.WRITER_FALLBACK_PAGES);
      conn.eventOptions = eventOptions;
      conn.lastSequencer = CounterSql.lastSequencer(conn);
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
            objectChanges.groupEnded(false);
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
    if (!begin(conn, batch)) {
      return;
    }
    Throwable[] errors = new Throwable[batch.size()];
    boolean applied;
    try {
      applied = runShared(conn, batch, errors);
    } catch (Throwable fatal) {
      abort(conn, batch, errors, fatal);
      return;
    }
    if (!applied) {
      // an operation failed after changing rows: start over, each operation in its own savepoint
      rollback(conn);
      Arrays.fill(errors, null);
      if (!begin(conn, batch)) {
        return;
      }
      try {
        runIsolated(conn, batch, errors);
      } catch (Throwable fatal) {
        abort(conn, batch, errors, fatal);
        return;
      }
    }
    List<ObjectEvent> events =
        conn.group.events.isEmpty() ? List.of() : List.copyOf(conn.group.events);
    try {
      CounterSql.flush(conn);
      conn.exec("COMMIT");
    } catch (Throwable fatal) {
      abort(conn, batch, errors, fatal);
      return;
    }
    objectChanges.groupEnded(true);
    Checkpointer cp = checkpointer;
    if (cp != null) {
      cp.committed();
    }
    // Waking the callers (virtual threads) took a sixth of the writer's time: another thread
    // does it while the writer starts the next group.
    List<Task<?>> done = List.copyOf(batch);
    completer.execute(
        () -> {
          finish(done, errors);
          tellListener(events);
        });
  }

  /** Hands committed events to the live listener; a failing listener never stops the store. */
  private void tellListener(List<ObjectEvent> events) {
    Consumer<ObjectEvent> listener = eventOptions.listener;
    if (listener == null) {
      return;
    }
    for (ObjectEvent e : events) {
      try {
        listener.accept(e);
      } catch (RuntimeException ignored) {
        // live listeners are best effort by contract; the write and its queued events stand
      }
    }
  }

  private static void finish(List<Task<?>> batch, Throwable[] errors) {
    for (int i = 0; i < batch.size(); i++) {
      Task<?> t = batch.get(i);
      if (errors[i] != null) {
        t.fail(Worker.translate(errors[i]));
      } else {
        complete(t);
      }
    }
  }

  private static boolean begin(Conn conn, List<Task<?>> batch) {
    try {
      conn.exec("BEGIN IMMEDIATE");
      return true;
    } catch (SQLException e) {
      for (Task<?> t : batch) {
        t.fail(Worker.translate(e));
      }
      return false;
    }
  }

  /**
   * Runs the group without savepoints, which cost two statements per operation. An operation that
   * refuses before changing any row (a precondition, a missing bucket: the usual failures) needs no
   * rollback. Returns false as soon as one fails otherwise: after changing rows, or with an error
   * from SQLite itself, which may have rolled back the whole transaction; the caller then rolls
   * back and starts over.
   */
  private static boolean runShared(Conn conn, List<Task<?>> batch, Throwable[] errors)
      throws SQLException {
    for (int i = 0; i < batch.size(); i++) {
      long changesBefore = conn.totalChanges();
      try {
        runInto(batch.get(i), conn);
        conn.op.mergeInto(conn.group);
      } catch (Throwable t) {
        conn.op.clear();
        if (!(t instanceof CofferException) || conn.totalChanges() != changesBefore) {
          return false;
        }
        errors[i] = t;
      }
    }
    return true;
  }

  /** Runs each operation in its own savepoint, so a failing one rolls back only itself. */
  private static void runIsolated(Conn conn, List<Task<?>> batch, Throwable[] errors)
      throws SQLException {
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
  }

  /** Rolls back the whole transaction and forgets what it changed in memory. */
  private static void rollback(Conn conn) {
    try {
      conn.exec("ROLLBACK");
    } catch (SQLException ignored) {
      // the transaction may already be gone
    }
    conn.op.clear();
    conn.group.clear();
    conn.knownBuckets.clear();
  }

  /** The transaction as a whole failed: nothing of the group was applied. */
  private void abort(Conn conn, List<Task<?>> batch, Throwable[] errors, Throwable fatal) {
    rollback(conn);
    objectChanges.groupEnded(false); // a failed COMMIT may have committed after all
    RuntimeException e = Worker.translate(fatal);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).fail(errors[i] != null ? Worker.translate(errors[i]) : e);
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

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    closeIdleDirect();
    for (int i = 0; i < readers.size(); i++) {
      reads.add(STOP);
    }
    for (Thread t : readers) {
      joinUninterruptibly(t);
    }
    Checkpointer cp = checkpointer;
    if (cp != null) {
      cp.close();
    }
    writes.add(STOP);
    joinUninterruptibly(writer);
    completer.close(); // waits for the callers of the last group to be told
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
}
