package io.coffer.service.lifecycle;

import io.coffer.blob.BlobStore;
import io.coffer.meta.MetadataStore;
import io.coffer.model.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background worker that applies buckets' lifecycle configurations: a sweep over every bucket
 * that has one, then a pause of {@link LifecycleSettings#interval}, and again. Each bucket's sweep
 * goes on from its checkpoint (see {@link BucketSweep}), so a restarted server continues where the
 * killed one stopped. Acts as the system, not as a caller: the configuration was authorised when it
 * was set, and its deletions go through the store's own delete and abort operations.
 */
public final class LifecycleWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleWorker.class);

  private final MetadataStore store;
  private final LifecycleSettings settings;
  private final LifecycleMetrics metrics = new LifecycleMetrics();
  private final LifecycleEvaluator evaluator;
  private final ExecutorService pool;
  private final BucketSweep sweep;
  private final Object wake = new Object();
  private volatile boolean stopping;

  /**
   * False while another node sweeps: {@link #pause} (its lease was lost) stops a sweep at the next
   * action, {@link #start} goes on.
   */
  private volatile boolean active;

  private volatile boolean started;

  private @Nullable Thread thread;

  public LifecycleWorker(
      MetadataStore store, BlobStore blobs, Clock clock, LifecycleSettings settings) {
    this.store = store;
    this.settings = settings;
    this.evaluator = new LifecycleEvaluator(settings.day());
    this.pool =
        Executors.newFixedThreadPool(
            settings.parallelism(),
            Thread.ofPlatform().name("coffer-lifecycle-", 0).daemon().factory());
    LifecycleExecutor executor = new LifecycleExecutor(store, blobs, clock, metrics);
    ActionRunner runner =
        new ActionRunner(executor, pool, new Pacer(settings.maxActionsPerSecond()));
    this.sweep = new BucketSweep(store, evaluator, runner, metrics, clock, settings.batchSize());
  }

  public LifecycleMetrics metrics() {
    return metrics;
  }

  public LifecycleEvaluator evaluator() {
    return evaluator;
  }

  /** Starts sweeping in the background (again, after {@link #pause}), the first sweep at once. */
  public synchronized void start() {
    active = true;
    started = true;
    if (thread != null) {
      synchronized (wake) {
        wake.notifyAll();
      }
      return;
    }
    thread = Thread.ofPlatform().name("coffer-lifecycle").daemon().start(this::loop);
    LOG.info(
        "lifecycle: worker started (lifecycle day {} s, a sweep every {} s)",
        settings.day().toSeconds(),
        settings.interval().toSeconds());
  }

  /**
   * Stops sweeping after the action in flight until {@link #start} (several nodes: this one lost
   * the lifecycle lease); a sweep cut short goes on from its checkpoint.
   */
  public void pause() {
    active = false;
  }

  private boolean halted() {
    return stopping || (started && !active);
  }

  private void loop() {
    while (!stopping) {
      try {
        if (active) {
          sweepOnce();
        }
      } catch (RuntimeException e) {
        if (stopping) {
          return;
        }
        LOG.warn("lifecycle: sweep failed, trying again after the interval", e);
      }
      synchronized (wake) {
        try {
          if (!stopping) {
            wake.wait(Math.max(1, settings.interval().toMillis()));
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /**
   * One sweep over every bucket with a lifecycle configuration, on the calling thread (the
   * background thread calls it; tests may too, when the worker is not started).
   *
   * @return false when stopped before the end
   */
  public boolean sweepOnce() {
    for (Bucket bucket : store.listBuckets()) {
      if (halted()) {
        return false;
      }
      if (bucket.features().lifecycle() != null
          && !sweep.run(bucket.name(), bucket.id(), this::halted)) {
        return false;
      }
    }
    metrics.sweepsCompleted.incrementAndGet();
    return true;
  }

  /** Stops after the action in flight; a sweep cut short goes on from its checkpoint next time. */
  @Override
  public void close() {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pool.shutdown();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
