package io.coffer.service.notification;

import io.coffer.meta.MetadataStore;
import io.coffer.model.BucketRef;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.EventDrafts;
import java.util.List;

/**
 * A bucket's notification configuration (Put/GetBucketNotificationConfiguration), for the S3 front
 * end and the management API alike: both hand over the rules as the client gave them, and the
 * validation (target ARNs that exist, event types, filters, overlapping rules) is this one.
 */
public final class BucketNotificationService {
  private static final NotificationConfiguration NONE = new NotificationConfiguration(List.of());

  private final MetadataStore store;
  private final BucketService buckets;

  public BucketNotificationService(MetadataStore store, BucketService buckets) {
    this.store = store;
    this.buckets = buckets;
  }

  /**
   * GetBucketNotificationConfiguration (s3:GetBucketNotification): the rules, none when the bucket
   * has no configuration.
   */
  public NotificationConfiguration get(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_BUCKET_NOTIFICATION);
    NotificationConfiguration configuration = ref.features().notification();
    return configuration == null ? NONE : configuration;
  }

  /**
   * PutBucketNotificationConfiguration (s3:PutBucketNotification): validates and replaces the rules
   * (an empty configuration removes them), and queues an s3:TestEvent for each target named.
   *
   * @return the configuration as stored: IDs generated where the rules had none
   */
  public NotificationConfiguration put(
      Caller caller, String bucket, NotificationConfiguration configuration) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_NOTIFICATION);
    NotificationConfiguration checked =
        NotificationRules.validate(configuration, store::findNotificationTarget);
    if (checked.rules().isEmpty()) {
      store.setBucketNotification(bucket, ref.id(), null, null);
      return NONE;
    }
    // The store checks the targets again in its transaction: one deleted meanwhile fails the put.
    store.setBucketNotification(
        bucket, ref.id(), checked, EventDrafts.of(caller, EventName.TEST_EVENT));
    return checked;
  }
}
