package io.coffer.service.lifecycle;

import io.coffer.meta.MetadataStore;
import io.coffer.model.LifecycleCheckpoint;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.ListedVersion;
import io.coffer.model.ObjectMeta;
import io.coffer.service.lifecycle.LifecycleAction.ExpireCurrent;
import io.coffer.service.lifecycle.LifecycleAction.RemoveLoneMarker;
import io.coffer.service.lifecycle.LifecycleAction.RemoveNoncurrent;
import io.coffer.service.lifecycle.LifecycleEvaluator.Due;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Walks a bucket's versions in ListObjectVersions order (by key, newest first) and decides what
 * lifecycle does with each. What it must remember between versions of one key (when the next one
 * became noncurrent, how many noncurrent versions are newer, whether the key's current delete
 * marker may be the only thing left) is its {@link State}, which a checkpoint saves so that a walk
 * resumed in the middle of a key decides as an uninterrupted one would.
 */
final class VersionWalk {

  /** What the walk remembers of the key it is in. */
  record State(
      @Nullable String key,
      @Nullable Instant successorTime,
      int newerNoncurrent,
      @Nullable String loneMarker) {
    static final State START = new State(null, null, 0, null);

    static State of(LifecycleCheckpoint checkpoint) {
      return new State(
          checkpoint.keyMarker(),
          checkpoint.successorTime(),
          checkpoint.newerNoncurrent(),
          checkpoint.loneMarker());
    }

    State withoutLoneMarker() {
      return new State(key, successorTime, newerNoncurrent, null);
    }
  }

  /** Looks up a version's tags (the listing does not carry them). */
  interface TagLookup {
    Map<String, String> tags(String key, String versionId);

    /** From the store: a point lookup, asked only when a tag filter is all that is left. */
    static TagLookup of(MetadataStore store, String bucket) {
      return (key, versionId) ->
          store
              .findVersion(bucket, key, versionId)
              .map(v -> v instanceof ObjectMeta o ? o.tags() : Map.<String, String>of())
              .orElse(Map.of());
    }
  }

  private final LifecycleEvaluator evaluator;
  private final TagLookup tagLookup;
  private State state;

  VersionWalk(LifecycleEvaluator evaluator, TagLookup tagLookup, State state) {
    this.evaluator = evaluator;
    this.tagLookup = tagLookup;
    this.state = state;
  }

  State state() {
    return state;
  }

  /** Replaces the state, e.g. after a removal failed (see {@link State#withoutLoneMarker}). */
  void reset(State newState) {
    this.state = newState;
  }

  /** Decides about the next listed version; the actions are added to {@code out}. */
  void accept(
      ListedVersion v, LifecycleConfiguration config, Instant now, List<LifecycleAction> out) {
    if (!v.key().equals(state.key())) {
      finishKey(config, out);
      state = new State(v.key(), null, 0, null);
    }
    String key = v.key();
    if (v.latest()) {
      String lone = null;
      if (v.deleteMarker()) {
        lone = evaluator.expiredMarkerRule(config, key).isPresent() ? v.versionId() : null;
      } else {
        Optional<Due> due =
            evaluator.currentExpiry(
                config, key, v.size(), () -> tagLookup.tags(key, v.versionId()), v.lastModified());
        if (due.isPresent() && due.get().reached(now)) {
          out.add(new ExpireCurrent(due.get().ruleId(), key, v.versionId(), v.etag()));
        }
      }
      state = new State(key, v.lastModified(), 0, lone);
      return;
    }
    Instant since = state.successorTime() == null ? v.lastModified() : state.successorTime();
    Optional<Due> due =
        evaluator.noncurrentExpiry(
            config,
            key,
            v.size(),
            v.deleteMarker(),
            () -> tagLookup.tags(key, v.versionId()),
            since,
            state.newerNoncurrent());
    boolean removed = due.isPresent() && due.get().reached(now);
    if (removed) {
      out.add(new RemoveNoncurrent(due.get().ruleId(), key, v.versionId(), v.deleteMarker()));
    }
    state =
        new State(
            key,
            v.lastModified(),
            state.newerNoncurrent() + (v.deleteMarker() ? 0 : 1),
            removed ? state.loneMarker() : null);
  }

  /** At the end of the listing: what the last key still needs. */
  void finish(LifecycleConfiguration config, List<LifecycleAction> out) {
    finishKey(config, out);
    state = State.START;
  }

  /** A current delete marker whose every other version is gone (or going) is expired. */
  private void finishKey(LifecycleConfiguration config, List<LifecycleAction> out) {
    String key = state.key();
    String marker = state.loneMarker();
    if (key != null && marker != null) {
      evaluator
          .expiredMarkerRule(config, key)
          .ifPresent(rule -> out.add(new RemoveLoneMarker(rule, key, marker)));
    }
  }
}
