package io.coffer.service.lifecycle;

import io.coffer.meta.MetadataStore;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.ObjectMeta;
import io.coffer.service.lifecycle.LifecycleEvaluator.Due;
import java.util.Optional;

/**
 * When the bucket's lifecycle configuration expires an object, for the {@code x-amz-expiration}
 * header of PutObject, GetObject and HeadObject. Asked after the request's own access check (the
 * caller has just written or read the object); costs a cached bucket lookup, and nothing more for a
 * bucket without a lifecycle configuration.
 */
public final class ObjectExpiry {
  private final MetadataStore store;
  private final LifecycleEvaluator evaluator;

  public ObjectExpiry(MetadataStore store, LifecycleEvaluator evaluator) {
    this.store = store;
    this.evaluator = evaluator;
  }

  /** The rule that expires {@code object} (a current version) and when, if any. */
  public Optional<Due> of(ObjectMeta object) {
    LifecycleConfiguration config =
        store.findBucketRef(object.bucket()).map(r -> r.features().lifecycle()).orElse(null);
    if (config == null) {
      return Optional.empty();
    }
    return evaluator.currentExpiry(
        config, object.key(), object.size(), object::tags, object.createdAt());
  }
}
