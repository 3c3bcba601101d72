package io.coffer.server;

import io.coffer.service.notification.EventDelivery;
import io.coffer.service.notification.TargetCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each notification target's delivery in {@code /metrics}, tagged {@code target="<id>"}: events
 * queued, delivered, failed attempts, the age of the oldest undelivered event and events dropped
 * because the queue was full. Meters come and go with the targets.
 */
final class NotificationMeters implements EventDelivery.TargetsListener {
  private final MeterRegistry registry;
  private final EventDelivery delivery;
  private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

  private NotificationMeters(MeterRegistry registry, EventDelivery delivery) {
    this.registry = registry;
    this.delivery = delivery;
  }

  static void register(MeterRegistry registry, EventDelivery delivery) {
    delivery.setTargetsListener(new NotificationMeters(registry, delivery));
  }

  @Override
  public void started(String targetId, TargetCounters counters) {
    Tags tags = Tags.of("target", targetId);
    meters.computeIfAbsent(
        targetId,
        id ->
            List.of(
                Gauge.builder("coffer.notification.queued", delivery, d -> d.queue(id).queued())
                    .tags(tags)
                    .description("Events waiting in the target's durable queue")
                    .register(registry),
                FunctionCounter.builder(
                        "coffer.notification.delivered", counters, TargetCounters::delivered)
                    .tags(tags)
                    .description("Events the target accepted since the server started")
                    .register(registry),
                FunctionCounter.builder(
                        "coffer.notification.failed.attempts",
                        counters,
                        TargetCounters::failedAttempts)
                    .tags(tags)
                    .description("Failed delivery attempts since the server started (each retried)")
                    .register(registry),
                Gauge.builder(
                        "coffer.notification.oldest.undelivered.age",
                        delivery,
                        d -> d.oldestAgeSeconds(id))
                    .tags(tags)
                    .baseUnit("seconds")
                    .description("Age of the oldest event waiting for the target; 0 when none")
                    .register(registry),
                FunctionCounter.builder(
                        "coffer.notification.dropped", delivery, d -> d.queue(id).dropped())
                    .tags(tags)
                    .description(
                        "Events not queued because the target's queue was full, since the target"
                            + " was created")
                    .register(registry)));
  }

  @Override
  public void stopped(String targetId) {
    List<Meter> gone = meters.remove(targetId);
    if (gone != null) {
      gone.forEach(registry::remove);
    }
  }
}
