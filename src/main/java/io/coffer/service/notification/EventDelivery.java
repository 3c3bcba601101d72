package io.coffer.service.notification;

import io.coffer.meta.MetadataStore;
import io.coffer.model.NotificationTarget;
import io.coffer.model.OutboxStats;
import io.coffer.notify.EventSender;
import io.coffer.notify.EventSenders;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the durable outbox: one worker per target, sending in queue order (so in order per key),
 * retrying with exponential back-off while its target is down, without holding up the others.
 * Events reach the outbox in the transaction of the change they report (the metadata store's job);
 * a worker removes one only once its target accepted it, so delivery is at least once, across
 * crashes too. A watcher logs, once per check, the events a full queue dropped.
 */
public final class EventDelivery implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

  /** Told when a target's worker starts or stops for good (the per-target metrics follow it). */
  public interface TargetsListener {
    void started(String targetId, TargetCounters counters);

    void stopped(String targetId);
  }

  private final MetadataStore store;
  private final DeliverySettings settings;
  private final Function<NotificationTarget, EventSender> senders;
  private final Clock clock;
  private final Map<String, Running> workers = new ConcurrentHashMap<>();
  private final Map<String, TargetCounters> counters = new ConcurrentHashMap<>();
  private final Map<String, Long> droppedSeen = new ConcurrentHashMap<>();
  private volatile @Nullable TargetsListener listener;
  private @Nullable ScheduledExecutorService dropWatch;
  private volatile boolean closed;

  /** Between {@link #start} and {@link #pause}: this node delivers (it holds the lease). */
  private volatile boolean delivering; // written under this; read by status()

  private record Running(DeliveryWorker worker, Thread thread) {}

  /** Delivery with the default settings and senders (region us-east-1): for tests and tools. */
  public EventDelivery(MetadataStore store) {
    this(
        store,
        DeliverySettings.defaults("us-east-1", DeliverySettings.DEFAULT_QUEUE_LIMIT),
        EventSenders::open,
        Clock.systemUTC());
  }

  /**
   * @param senders makes a target's sender (the notify layer's {@link EventSenders#open})
   */
  public EventDelivery(
      MetadataStore store,
      DeliverySettings settings,
      Function<NotificationTarget, EventSender> senders,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.senders = senders;
    this.clock = clock;
  }

  /** Receives the starts and stops of workers; those already running are reported at once. */
  public void setTargetsListener(TargetsListener newListener) {
    this.listener = newListener;
    workers.keySet().forEach(id -> newListener.started(id, countersOf(id)));
  }

  /** Applies the queue limit and starts a worker for every target. */
  public synchronized void start() {
    if (closed || delivering) {
      return;
    }
    delivering = true;
    store.setOutboxLimit(settings.queueLimit());
    for (NotificationTarget target : store.listNotificationTargets()) {
      startWorker(target);
    }
    ScheduledExecutorService watch =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("coffer-notification-drops").daemon().factory());
    long every = settings.dropCheck().toMillis();
    var unused =
        watch.scheduleWithFixedDelay(
            () -> {
              followTargets();
              logDrops();
            },
            every,
            every,
            TimeUnit.MILLISECONDS);
    dropWatch = watch;
  }

  /**
   * A target was created, changed or deleted (management API): its worker restarts with the new
   * configuration, or stops.
   */
  public synchronized void targetChanged(String targetId) {
    if (closed || !delivering) {
      return;
    }
    stopWorker(targetId);
    var target = store.findNotificationTarget(targetId);
    if (target.isPresent()) {
      startWorker(target.get());
    } else {
      counters.remove(targetId);
      droppedSeen.remove(targetId);
      TargetsListener l = listener;
      if (l != null) {
        l.stopped(targetId);
      }
    }
  }

  /** Events were committed: idle workers look at their queues now. */
  public void wake() {
    for (Running r : workers.values()) {
      r.worker().wake();
    }
  }

  /**
   * How delivery to a target is going. A node that does not deliver (another node holds the
   * delivery lease) says so, with the shared queue's figures and its own counts from when it did.
   */
  public TargetStatus status(String targetId) {
    OutboxStats q = store.outboxStats(targetId);
    TargetCounters c = counters.get(targetId);
    String state = !delivering ? "standby" : c == null ? "idle" : c.state();
    if (c == null) {
      return new TargetStatus(state, null, null, q.queued(), 0, 0, q.dropped(), q.oldestQueued());
    }
    return new TargetStatus(
        state,
        c.lastError(),
        c.lastErrorAt(),
        q.queued(),
        c.delivered(),
        c.failedAttempts(),
        q.dropped(),
        q.oldestQueued());
  }

  /** A target's queue (for the metrics). */
  public OutboxStats queue(String targetId) {
    return store.outboxStats(targetId);
  }

  /** Seconds since the oldest waiting event of a target happened; 0 when none waits. */
  public double oldestAgeSeconds(String targetId) {
    Instant oldest = store.outboxStats(targetId).oldestQueued();
    if (oldest == null) {
      return 0;
    }
    return Math.max(0, clock.millis() - oldest.toEpochMilli()) / 1000.0;
  }

  /** The IDs of the targets with a running worker. */
  public List<String> targetIds() {
    return List.copyOf(workers.keySet());
  }

  private TargetCounters countersOf(String targetId) {
    return counters.computeIfAbsent(targetId, id -> new TargetCounters());
  }

  private void startWorker(NotificationTarget target) {
    TargetCounters c = countersOf(target.id());
    DeliveryWorker worker = new DeliveryWorker(store, target, sender(target), c, settings, clock);
    Thread thread =
        Thread.ofPlatform().name("coffer-notify-" + target.id()).daemon().unstarted(worker);
    workers.put(target.id(), new Running(worker, thread));
    droppedSeen.computeIfAbsent(target.id(), id -> store.outboxStats(id).dropped());
    thread.start();
    TargetsListener l = listener;
    if (l != null) {
      l.started(target.id(), c);
    }
  }

  /**
   * The target's sender; when none can be made (a stored configuration this version cannot use),
   * one that fails every attempt with the reason, so the target shows offline instead of stopping
   * the server or silently holding its events.
   */
  private EventSender sender(NotificationTarget target) {
    try {
      return senders.apply(target);
    } catch (RuntimeException e) {
      String reason = DeliveryWorker.safeMessage(e);
      log.error("Cannot deliver to notification target {}: {}", target.id(), reason);
      return new EventSender() {
        @Override
        public void send(io.coffer.notify.EventMessage message) throws java.io.IOException {
          throw new java.io.IOException(reason);
        }

        @Override
        public void close() {}
      };
    }
  }

  private void stopWorker(String targetId) {
    Running running = workers.remove(targetId);
    if (running != null) {
      signalStop(running);
      awaitStop(running);
    }
  }

  private static void signalStop(Running running) {
    running.worker().stop();
    running.thread().interrupt();
  }

  /** Waits a little for the worker's attempt in flight, then closes its sender (which ends it). */
  private static void awaitStop(Running running) {
    try {
      running.thread().join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.worker().closeSender();
    }
  }

  /** One warning per target and check when a full queue made it drop events since the last. */
  /**
   * Restarts or stops the workers of targets changed through another node (several nodes share the
   * store; this node's management API calls {@link #targetChanged} itself): once per check, one
   * query.
   */
  private synchronized void followTargets() {
    if (closed || !delivering) {
      return;
    }
    try {
      Map<String, NotificationTarget> now = new java.util.HashMap<>();
      for (NotificationTarget t : store.listNotificationTargets()) {
        now.put(t.id(), t);
      }
      for (String id : List.copyOf(workers.keySet())) {
        if (!now.containsKey(id)) {
          targetChanged(id);
        }
      }
      for (NotificationTarget t : now.values()) {
        Running r = workers.get(t.id());
        if (r == null || !r.worker().target().equals(t)) {
          targetChanged(t.id());
        }
      }
    } catch (RuntimeException e) {
      log.debug("could not look for targets changed elsewhere", e);
    }
  }

  private void logDrops() {
    for (String id : workers.keySet()) {
      try {
        long dropped = store.outboxStats(id).dropped();
        Long seen = droppedSeen.put(id, dropped);
        if (seen != null && dropped > seen) {
          log.warn(
              "Dropped {} events for notification target {}: its queue is full ({} events,"
                  + " --notification-queue-limit); {} dropped since it was created",
              dropped - seen,
              id,
              settings.queueLimit(),
              dropped);
        }
      } catch (RuntimeException e) {
        log.debug("queue check of notification target {} failed: {}", id, e.toString());
      }
    }
  }

  /**
   * Stops every worker until the next {@link #start}: several nodes share the outbox, and another
   * node delivers now (it took the delivery lease). Queued events wait for whoever delivers next.
   */
  public synchronized void pause() {
    if (!closed && delivering) {
      stopAll();
    }
  }

  /** Stops every worker (events still queued are delivered after the next start). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopAll();
  }

  private void stopAll() {
    delivering = false;
    ScheduledExecutorService watch = dropWatch;
    if (watch != null) {
      watch.shutdownNow();
      dropWatch = null;
    }
    // Every worker is told first, so they all wind down together instead of one after another.
    List<Running> stopping = List.copyOf(workers.values());
    workers.clear();
    stopping.forEach(EventDelivery::signalStop);
    stopping.forEach(EventDelivery::awaitStop);
  }
}
