package io.coffer.service.lifecycle;

import io.coffer.meta.MetadataStore;
import io.coffer.model.BucketRef;
import io.coffer.model.LifecycleCheckpoint;
import io.coffer.model.LifecycleCheckpoint.Phase;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.ListedVersion;
import io.coffer.model.MultipartUpload;
import io.coffer.model.UploadListing;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.service.lifecycle.LifecycleAction.AbortUpload;
import io.coffer.service.lifecycle.LifecycleAction.ExpireCurrent;
import io.coffer.service.lifecycle.LifecycleEvaluator.Due;
import io.coffer.service.lifecycle.LifecycleExecutor.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bucket's sweep: every version, then every in-progress upload, in batches. Each batch lists at
 * most {@link LifecycleSettings#batchSize} entries, decides, acts (each action its own store write,
 * so there is no long transaction) and then saves the checkpoint. A kill loses at most the batch in
 * flight, and doing a batch again is harmless: what was removed is no longer listed, a current
 * version already expired is a delete marker now, and the walk's state comes from the checkpoint.
 *
 * <p>The checkpoint's position is the last listed entry that still exists after the batch: a
 * listing resumed after a version that is gone would skip the rest of its key.
 */
final class BucketSweep {
  private static final Logger LOG = LoggerFactory.getLogger(BucketSweep.class);

  private final MetadataStore store;
  private final LifecycleEvaluator evaluator;
  private final ActionRunner runner;
  private final LifecycleMetrics metrics;
  private final Clock clock;
  private final int batchSize;

  BucketSweep(
      MetadataStore store,
      LifecycleEvaluator evaluator,
      ActionRunner runner,
      LifecycleMetrics metrics,
      Clock clock,
      int batchSize) {
    this.store = store;
    this.evaluator = evaluator;
    this.runner = runner;
    this.metrics = metrics;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /**
   * Sweeps the bucket from its checkpoint to the end (true), or until {@code stopping} says so
   * (false; the checkpoint keeps the place).
   */
  boolean run(String bucket, String bucketId, BooleanSupplier stopping) {
    LifecycleCheckpoint cp =
        store
            .findLifecycleCheckpoint(bucketId)
            .orElseGet(() -> LifecycleCheckpoint.start(bucketId, clock.instant()));
    if (cp.keyMarker() != null) {
      LOG.info("lifecycle: bucket {} resumes its sweep after key {}", bucket, cp.keyMarker());
    }
    while (!stopping.getAsBoolean()) {
      Optional<BucketRef> ref = store.findBucketRef(bucket);
      LifecycleConfiguration config =
          ref.filter(r -> r.id().equals(bucketId)).map(r -> r.features().lifecycle()).orElse(null);
      if (config == null) { // bucket gone, or its configuration deleted meanwhile
        store.clearLifecycleCheckpoint(bucketId);
        return true;
      }
      @Nullable LifecycleCheckpoint next =
          cp.phase() == Phase.VERSIONS
              ? versionBatch(bucket, bucketId, config, cp)
              : uploadBatch(bucket, bucketId, config, cp);
      if (next == null) {
        store.clearLifecycleCheckpoint(bucketId);
        metrics.bucketSweepsCompleted.incrementAndGet();
        return true;
      }
      store.saveLifecycleCheckpoint(next);
      cp = next;
    }
    return false;
  }

  private LifecycleCheckpoint versionBatch(
      String bucket, String bucketId, LifecycleConfiguration config, LifecycleCheckpoint cp) {
    VersionPage page =
        store.listVersions(
            new VersionQuery(bucket, "", null, cp.keyMarker(), cp.versionIdMarker(), batchSize));
    Instant now = clock.instant();
    VersionWalk walk =
        new VersionWalk(
            evaluator, VersionWalk.TagLookup.of(store, bucket), VersionWalk.State.of(cp));
    List<LifecycleAction> actions = new ArrayList<>();
    List<VersionWalk.State> after = new ArrayList<>(page.versions().size());
    for (ListedVersion v : page.versions()) {
      walk.accept(v, config, now, actions);
      after.add(walk.state());
    }
    if (!page.truncated()) {
      walk.finish(config, actions);
    }
    metrics.versionsScanned.addAndGet(page.versions().size());
    Map<LifecycleAction, Outcome> outcomes = runner.run(bucket, bucketId, actions);
    log(bucket, outcomes);
    if (!page.truncated()) {
      return new LifecycleCheckpoint(
          bucketId, Phase.UPLOADS, null, null, null, 0, null, cp.sweepStarted());
    }
    Set<String> gone = new HashSet<>();
    Set<String> keptByFailure = new HashSet<>();
    outcomes.forEach(
        (action, outcome) -> {
          if (action instanceof ExpireCurrent) {
            return; // the version stays (as noncurrent), or its key is gone with it
          }
          String versionId =
              switch (action) {
                case LifecycleAction.RemoveNoncurrent r -> r.versionId();
                case LifecycleAction.RemoveLoneMarker m -> m.versionId();
                default -> "";
              };
          if (LifecycleExecutor.isGone(outcome)) {
            gone.add(action.key() + '\0' + versionId);
          } else {
            keptByFailure.add(action.key());
          }
        });
    for (int i = page.versions().size() - 1; i >= 0; i--) {
      ListedVersion v = page.versions().get(i);
      if (!gone.contains(v.key() + '\0' + v.versionId())) {
        VersionWalk.State state = after.get(i);
        if (keptByFailure.contains(v.key())) {
          state = state.withoutLoneMarker();
        }
        return new LifecycleCheckpoint(
            bucketId,
            Phase.VERSIONS,
            v.key(),
            v.versionId(),
            state.successorTime(),
            state.newerNoncurrent(),
            state.loneMarker(),
            cp.sweepStarted());
      }
    }
    return cp; // everything listed is gone: listing again from the same place moves on
  }

  /** The next position, or null when the uploads (the last phase) are done. */
  private @Nullable LifecycleCheckpoint uploadBatch(
      String bucket, String bucketId, LifecycleConfiguration config, LifecycleCheckpoint cp) {
    UploadListing page =
        store.listUploads(bucket, "", null, cp.keyMarker(), cp.versionIdMarker(), batchSize);
    Instant now = clock.instant();
    List<LifecycleAction> actions = new ArrayList<>();
    for (MultipartUpload upload : page.uploads()) {
      Optional<Due> due = evaluator.uploadAbort(config, upload.key(), upload.initiatedAt());
      if (due.isPresent() && due.get().reached(now)) {
        actions.add(new AbortUpload(due.get().ruleId(), upload.key(), upload.uploadId()));
      }
    }
    metrics.uploadsScanned.addAndGet(page.uploads().size());
    Map<LifecycleAction, Outcome> outcomes = runner.run(bucket, bucketId, actions);
    log(bucket, outcomes);
    if (!page.truncated()) {
      return null;
    }
    Set<String> aborted = new HashSet<>();
    outcomes.forEach(
        (action, outcome) -> {
          if (action instanceof AbortUpload a && LifecycleExecutor.isGone(outcome)) {
            aborted.add(a.uploadId());
          }
        });
    for (int i = page.uploads().size() - 1; i >= 0; i--) {
      MultipartUpload u = page.uploads().get(i);
      if (!aborted.contains(u.uploadId())) {
        return new LifecycleCheckpoint(
            bucketId, Phase.UPLOADS, u.key(), u.uploadId(), null, 0, null, cp.sweepStarted());
      }
    }
    return cp;
  }

  private static void log(String bucket, Map<LifecycleAction, Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    Map<String, Long> counts = new TreeMap<>();
    outcomes.forEach(
        (action, outcome) ->
            counts.merge(
                action.getClass().getSimpleName() + " " + outcome.name().toLowerCase(Locale.ROOT),
                1L,
                Long::sum));
    LOG.info("lifecycle: bucket {}: {}", bucket, counts);
  }
}
