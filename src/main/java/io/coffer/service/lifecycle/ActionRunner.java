package io.coffer.service.lifecycle;

import io.coffer.service.lifecycle.LifecycleAction.RemoveLoneMarker;
import io.coffer.service.lifecycle.LifecycleExecutor.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a batch's actions: the keys in parallel (their deletions then share the store's group
 * commits), each key's actions in an order that keeps a kill harmless: oldest version first (the
 * walk lists newest first), so that a version left behind by a kill still has the newer versions it
 * was judged by, and an expired delete marker last, only when everything before it went. Then waits
 * as long as the rate limit asks.
 */
final class ActionRunner {
  private final LifecycleExecutor executor;
  private final ExecutorService pool;
  private final RateLimit rateLimit;

  ActionRunner(LifecycleExecutor executor, ExecutorService pool, RateLimit rateLimit) {
    this.executor = executor;
    this.pool = pool;
    this.rateLimit = rateLimit;
  }

  /** Paces the actions: at most so many per second, averaged over each batch. */
  interface RateLimit {
    void acquire(int actions);
  }

  Map<LifecycleAction, Outcome> run(String bucket, String bucketId, List<LifecycleAction> actions) {
    if (actions.isEmpty()) {
      return Map.of();
    }
    rateLimit.acquire(actions.size());
    Map<String, List<LifecycleAction>> byKey = new LinkedHashMap<>();
    for (LifecycleAction action : actions) {
      byKey.computeIfAbsent(action.key(), k -> new ArrayList<>()).add(action);
    }
    Map<LifecycleAction, Outcome> outcomes = new ConcurrentHashMap<>();
    List<Future<?>> running = new ArrayList<>(byKey.size());
    for (List<LifecycleAction> ofKey : byKey.values()) {
      running.add(pool.submit(() -> runKey(bucket, bucketId, ofKey, outcomes)));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return outcomes;
  }

  private void runKey(
      String bucket,
      String bucketId,
      List<LifecycleAction> ofKey,
      Map<LifecycleAction, Outcome> outcomes) {
    boolean allGone = true;
    for (LifecycleAction action : ofKey.reversed()) {
      if (!(action instanceof RemoveLoneMarker)) {
        Outcome outcome = executor.run(bucket, bucketId, action);
        outcomes.put(action, outcome);
        allGone &= LifecycleExecutor.isGone(outcome);
      }
    }
    for (LifecycleAction action : ofKey) {
      if (action instanceof RemoveLoneMarker) {
        outcomes.put(action, allGone ? executor.run(bucket, bucketId, action) : Outcome.CHANGED);
      }
    }
  }
}
