package io.coffer.service.notification;

import io.coffer.meta.MetadataStore;
import io.coffer.model.EventName;
import io.coffer.model.NotificationTarget;
import io.coffer.model.OutboxEvent;
import io.coffer.notify.EventMessage;
import io.coffer.notify.EventSender;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one target's queue, on its own thread: the oldest event first, the next only once the
 * target accepted it, so the events of a key arrive in the order they happened. A failed attempt is
 * retried (the same event) after a wait that doubles up to a cap; the queue row is removed only
 * after the target accepted the event, so a crash at any point repeats an event rather than losing
 * it. Other targets have their own workers and never wait for this one.
 */
final class DeliveryWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int BATCH = 100;

  /** A password in a URL's user information ({@code scheme://user:secret@host}). */
  private static final Pattern URL_USER_INFO = Pattern.compile("(://)[^/@\\s]*@");

  private final MetadataStore store;
  private final NotificationTarget target;
  private final EventSender sender;
  private final TargetCounters counters;
  private final DeliverySettings settings;
  private final Clock clock;
  private final Semaphore wake = new Semaphore(0);
  private final Map<String, String> owners = new HashMap<>();
  private volatile boolean running = true;

  DeliveryWorker(
      MetadataStore store,
      NotificationTarget target,
      EventSender sender,
      TargetCounters counters,
      DeliverySettings settings,
      Clock clock) {
    this.store = store;
    this.target = target;
    this.sender = sender;
    this.counters = counters;
    this.settings = settings;
    this.clock = clock;
  }

  /** The target as this worker was started with. */
  NotificationTarget target() {
    return target;
  }

  /** New events may be queued: look now instead of at the next poll. */
  void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** Stops after the current attempt; the thread is interrupted by the caller. */
  void stop() {
    running = false;
    wake.release();
  }

  void closeSender() {
    sender.close();
  }

  @Override
  public void run() {
    try {
      while (running) {
        try {
          wake.drainPermits();
          List<OutboxEvent> batch = store.queuedEvents(target.id(), BATCH);
          if (batch.isEmpty()) {
            wake.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
            continue;
          }
          deliver(batch);
        } catch (RuntimeException e) {
          // The store failed (busy, or closing): the events stay queued, so try again later
          // rather than leave the target without a worker until the next restart.
          if (running) {
            log.error("Delivery to notification target {} failed; retrying", target.id(), e);
            Thread.sleep(settings.backoff(Integer.MAX_VALUE).toMillis());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends a batch in order; delivered rows are removed before any wait and at the end. */
  private void deliver(List<OutboxEvent> batch) throws InterruptedException {
    List<Long> done = new ArrayList<>(batch.size());
    try {
      for (OutboxEvent queued : batch) {
        EventMessage message = message(queued);
        int failures = 0;
        while (true) {
          if (!running) {
            return;
          }
          try {
            sender.send(message);
            done.add(queued.seq());
            if (counters.delivered(1)) {
              log.info("Notification target {} accepts events again", target.id());
            }
            break;
          } catch (IOException | RuntimeException e) {
            failures++;
            String error = safeMessage(e);
            if (counters.failed(error, clock.instant())) {
              log.warn(
                  "Notification target {} refused or is unreachable ({}); retrying with back-off",
                  target.id(),
                  error);
            }
            removeDelivered(done);
            Thread.sleep(settings.backoff(failures).toMillis());
          }
        }
      }
    } finally {
      removeDelivered(done);
    }
  }

  private void removeDelivered(List<Long> done) {
    if (!done.isEmpty()) {
      store.removeQueuedEvents(target.id(), List.copyOf(done));
      done.clear();
    }
  }

  private EventMessage message(OutboxEvent queued) {
    var event = queued.event();
    byte[] body =
        EventRecords.document(
            event, queued.configurationId(), settings.region(), ownerOf(event.bucket()));
    String name =
        event.name() == EventName.TEST_EVENT ? event.name().awsName() : event.name().recordName();
    return new EventMessage(body, name, event.bucket(), event.key(), event.sequencer());
  }

  /** The bucket owner's ID as records show it; empty once the bucket is gone. */
  private String ownerOf(String bucket) {
    if (owners.size() > 1000) {
      owners.clear(); // bounded; a bucket deleted and made again by another owner is seen anew
    }
    return owners.computeIfAbsent(
        bucket, name -> store.findBucket(name).map(b -> Long.toString(b.ownerId())).orElse(""));
  }

  /** An error's message for the status and the log, without a password a URL may carry. */
  static String safeMessage(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return URL_USER_INFO.matcher(message).replaceAll("$1***@");
  }
}
