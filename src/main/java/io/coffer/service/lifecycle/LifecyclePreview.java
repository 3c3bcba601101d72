package io.coffer.service.lifecycle;

import io.coffer.meta.MetadataStore;
import io.coffer.model.BucketRef;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleRule;
import io.coffer.model.ListedVersion;
import io.coffer.model.MultipartUpload;
import io.coffer.model.UploadListing;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.lifecycle.LifecycleAction.AbortUpload;
import io.coffer.service.lifecycle.LifecycleAction.ExpireCurrent;
import io.coffer.service.lifecycle.LifecycleAction.RemoveLoneMarker;
import io.coffer.service.lifecycle.LifecycleAction.RemoveNoncurrent;
import io.coffer.service.lifecycle.LifecycleEvaluator.Due;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the lifecycle worker would do if it ran now, per rule: the same decisions ({@link
 * VersionWalk}), counted instead of carried out. Bounded: it looks at the first {@link
 * #MAX_VERSIONS} versions and {@link #MAX_UPLOADS} uploads of the bucket (then {@link
 * Forecast#complete} is false), so asking costs the same whatever the bucket's size.
 */
public final class LifecyclePreview {
  public static final int MAX_VERSIONS = 10_000;
  public static final int MAX_UPLOADS = 1_000;
  public static final int MAX_EXAMPLES = 5;
  private static final int PAGE = 1_000;

  private final BucketService buckets;
  private final MetadataStore store;
  private final LifecycleEvaluator evaluator;
  private final Clock clock;

  public LifecyclePreview(
      BucketService buckets, MetadataStore store, LifecycleEvaluator evaluator, Clock clock) {
    this.buckets = buckets;
    this.store = store;
    this.evaluator = evaluator;
    this.clock = clock;
  }

  /**
   * One rule's forecast: current versions it would expire, noncurrent versions (and noncurrent
   * delete markers) and expired object delete markers it would remove, uploads it would abort, and
   * a few of the keys concerned.
   */
  public record RuleForecast(
      String ruleId,
      long objects,
      long versions,
      long deleteMarkers,
      long uploads,
      List<String> exampleKeys) {}

  /** The forecast of every rule, in the configuration's order; complete when nothing was cut. */
  public record Forecast(List<RuleForecast> rules, boolean complete) {}

  /** See {@link #preview}; the rules only. */
  public List<RuleForecast> forecast(Caller caller, String bucket) {
    return preview(caller, bucket).rules();
  }

  /**
   * What the next run would do in the bucket (needs s3:GetLifecycleConfiguration); no rules when
   * the bucket has no lifecycle configuration.
   */
  public Forecast preview(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_LIFECYCLE_CONFIGURATION);
    LifecycleConfiguration config = ref.features().lifecycle();
    if (config == null) {
      return new Forecast(List.of(), true);
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (LifecycleRule rule : config.rules()) {
      tallies.put(rule.id(), new Tally());
    }
    Instant now = clock.instant();
    List<LifecycleAction> actions = new ArrayList<>();
    boolean complete = walkVersions(bucket, config, now, actions);
    complete &= walkUploads(bucket, config, now, actions);
    for (LifecycleAction action : actions) {
      Tally t = tallies.computeIfAbsent(action.ruleId(), id -> new Tally());
      switch (action) {
        case ExpireCurrent e -> t.objects++;
        case RemoveNoncurrent r -> t.versions++;
        case RemoveLoneMarker m -> t.deleteMarkers++;
        case AbortUpload a -> t.uploads++;
      }
      if (t.examples.size() < MAX_EXAMPLES && !t.examples.contains(action.key())) {
        t.examples.add(action.key());
      }
    }
    List<RuleForecast> rules = new ArrayList<>();
    tallies.forEach(
        (id, t) ->
            rules.add(
                new RuleForecast(
                    id,
                    t.objects,
                    t.versions,
                    t.deleteMarkers,
                    t.uploads,
                    List.copyOf(t.examples))));
    return new Forecast(rules, complete);
  }

  private boolean walkVersions(
      String bucket, LifecycleConfiguration config, Instant now, List<LifecycleAction> out) {
    VersionWalk walk =
        new VersionWalk(
            evaluator, VersionWalk.TagLookup.of(store, bucket), VersionWalk.State.START);
    String keyMarker = null;
    String versionMarker = null;
    int seen = 0;
    while (seen < MAX_VERSIONS) {
      VersionPage page =
          store.listVersions(
              new VersionQuery(
                  bucket, "", null, keyMarker, versionMarker, Math.min(PAGE, MAX_VERSIONS - seen)));
      for (ListedVersion v : page.versions()) {
        walk.accept(v, config, now, out);
      }
      seen += page.versions().size();
      if (!page.truncated()) {
        walk.finish(config, out);
        return true;
      }
      keyMarker = page.nextKeyMarker();
      versionMarker = page.nextVersionIdMarker();
    }
    return false;
  }

  private boolean walkUploads(
      String bucket, LifecycleConfiguration config, Instant now, List<LifecycleAction> out) {
    UploadListing page = store.listUploads(bucket, "", null, null, null, MAX_UPLOADS);
    for (MultipartUpload u : page.uploads()) {
      Optional<Due> due = evaluator.uploadAbort(config, u.key(), u.initiatedAt());
      if (due.isPresent() && due.get().reached(now)) {
        out.add(new AbortUpload(due.get().ruleId(), u.key(), u.uploadId()));
      }
    }
    return !page.truncated();
  }

  private static final class Tally {
    long objects;
    long versions;
    long deleteMarkers;
    long uploads;
    final List<String> examples = new ArrayList<>();
  }
}
