package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LifecycleConfiguration;

/**
 * A bucket's lifecycle configuration: stored after {@link LifecycleRules} accepts it, read from the
 * cached bucket. Applying it is the lifecycle worker's job.
 */
public final class LifecycleService {
  private final MetadataStore store;
  private final BucketService buckets;

  public LifecycleService(MetadataStore store, BucketService buckets) {
    this.store = store;
    this.buckets = buckets;
  }

  /** The configuration; NO_SUCH_LIFECYCLE_CONFIGURATION when the bucket has none. */
  public LifecycleConfiguration get(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_LIFECYCLE_CONFIGURATION);
    LifecycleConfiguration lifecycle = ref.features().lifecycle();
    if (lifecycle == null) {
      throw new CofferException(
          ErrorCode.NO_SUCH_LIFECYCLE_CONFIGURATION,
          ErrorCode.NO_SUCH_LIFECYCLE_CONFIGURATION.defaultMessage());
    }
    return lifecycle;
  }

  /**
   * Replaces the configuration with {@code configuration} once it passes AWS's checks.
   *
   * @return what was stored: rules sent without an ID have one
   */
  public LifecycleConfiguration put(
      Caller caller, String bucket, LifecycleConfiguration configuration) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_LIFECYCLE_CONFIGURATION);
    LifecycleConfiguration validated = LifecycleRules.validated(configuration);
    store.setBucketLifecycle(bucket, ref.id(), validated);
    return validated;
  }

  /** Removes the configuration; none to remove is no error, as on AWS. */
  public void delete(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_LIFECYCLE_CONFIGURATION);
    store.setBucketLifecycle(bucket, ref.id(), null);
  }
}
