package io.coffer.service.notification;

import io.coffer.meta.MetadataStore;
import io.coffer.model.NotificationConfiguration;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;

/**
 * A bucket's notification configuration (Put/GetBucketNotificationConfiguration), for the S3 front
 * end and the management API alike: both hand over the rules as the client gave them, and the
 * validation (target ARNs that exist, event types, filters, overlapping rules) is this one.
 */
public final class BucketNotificationService {
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
    throw new UnsupportedOperationException("issue 18: s3 helper");
  }

  /**
   * PutBucketNotificationConfiguration (s3:PutBucketNotification): validates and replaces the rules
   * (an empty configuration removes them), and queues an s3:TestEvent for each target named.
   */
  public void put(Caller caller, String bucket, NotificationConfiguration configuration) {
    throw new UnsupportedOperationException("issue 18: s3 helper");
  }
}
