package io.coffer.service.cluster;

import io.coffer.meta.MetadataStore;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a piece of background work (lifecycle sweeps, event delivery, blob clean-up) only while this
 * node holds the work's lease in the metadata store, so that it runs on one node at a time and
 * moves to another node when this one stops renewing (it died, or lost the database).
 *
 * <p>The lease is renewed every third of its time to live. The work is started when the lease is
 * gained and stopped when a renewal fails or is refused. {@link #held} also answers false once the
 * time to live has passed since the last successful renewal began, by this process's monotonic
 * clock, so work that checks it between steps stops in time even when renewing is slow. With the
 * SQLite store this process is the only node: the lease is always granted and the work starts at
 * once.
 */
public final class LeasedWork implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeasedWork.class);

  /** What the lease guards: started when it is gained, stopped when it is lost or closed. */
  public interface Work {
    void start();

    void stop();

    static Work of(Runnable start, Runnable stop) {
      return new Work() {
        @Override
        public void start() {
          start.run();
        }

        @Override
        public void stop() {
          stop.run();
        }
      };
    }
  }

  private final MetadataStore store;
  private final String lease;
  private final String holder;
  private final Duration ttl;
  private final Work work;
  private final Object wake = new Object();
  private volatile long heldUntilNanos;
  private volatile boolean closed;
  private boolean running; // guarded by this
  private @Nullable Thread thread;

  /**
   * @param lease the lease's name, shared by every node doing this work
   * @param holder this node's identity
   * @param ttl how long a lease lives without renewal: the longest another node waits to take over
   */
  public LeasedWork(MetadataStore store, String lease, String holder, Duration ttl, Work work) {
    this.store = store;
    this.lease = lease;
    this.holder = holder;
    this.ttl = ttl;
    this.work = work;
    this.heldUntilNanos = System.nanoTime(); // not held (nanoTime's origin is arbitrary, not 0)
  }

  /**
   * Tries the lease once on the calling thread (so that a single node's work is running when this
   * returns), then keeps trying and renewing in the background.
   */
  public synchronized void start() {
    if (thread != null || closed) {
      return;
    }
    renewOnce();
    thread = Thread.ofPlatform().name("coffer-lease-" + lease).daemon().start(this::renewLoop);
  }

  /** The lease's name (the work's, in logs and /metrics). */
  public String name() {
    return lease;
  }

  /** True while this node holds the lease (and its time to live has not run out since). */
  public boolean held() {
    return heldUntilNanos - System.nanoTime() > 0 && !closed;
  }

  private void renewLoop() {
    long period = Math.max(1, ttl.toMillis() / 3);
    while (!closed) {
      synchronized (wake) {
        try {
          wake.wait(period);
        } catch (InterruptedException e) {
          return;
        }
      }
      if (!closed) {
        renewOnce();
      }
    }
  }

  private synchronized void renewOnce() {
    long asked = System.nanoTime();
    boolean granted;
    try {
      granted = store.holdLease(lease, holder, ttl);
    } catch (RuntimeException e) {
      // The database is unreachable: another node may take the lease once it expires, so the
      // work stops now rather than risk running twice.
      log.warn("lease {}: cannot renew ({}); stopping its work", lease, e.getMessage());
      granted = false;
    }
    if (closed) {
      return;
    }
    if (granted) {
      heldUntilNanos = asked + ttl.toNanos();
      if (!running) {
        log.info("lease {}: held by this node ({}), starting its work", lease, holder);
        running = true;
        work.start();
      }
    } else {
      heldUntilNanos = asked;
      stopWork("lost");
    }
  }

  private void stopWork(String why) {
    if (running) {
      log.info("lease {}: {}, stopping its work", lease, why);
      running = false;
      work.stop();
    }
  }

  /** Stops the work and gives the lease up, so that another node takes it over at once. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = thread;
      stopWork("closing");
    }
    synchronized (wake) {
      wake.notifyAll();
    }
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      store.releaseLease(lease, holder);
    } catch (RuntimeException e) {
      log.debug("lease {}: not released ({}); it expires by itself", lease, e.getMessage());
    }
  }
}
