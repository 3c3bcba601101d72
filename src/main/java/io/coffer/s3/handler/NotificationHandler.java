package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.NotificationConfiguration;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.NotificationXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.NotificationConfigurationXml;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.notification.BucketNotificationService;

/** PutBucketNotificationConfiguration and GetBucketNotificationConfiguration. */
public final class NotificationHandler {
  private final BucketService buckets;
  private final BucketNotificationService notifications;

  public NotificationHandler(BucketService buckets, BucketNotificationService notifications) {
    this.buckets = buckets;
    this.notifications = notifications;
  }

  HttpResponse getBucketNotificationConfiguration(
      S3Request request, S3Operation.GetBucketNotificationConfiguration op) {
    return S3Responses.ok(
        NotificationXml.notificationConfiguration(
            notifications.get(request.caller(), op.bucket())));
  }

  /** The access check comes before the body is read. */
  HttpResponse putBucketNotificationConfiguration(
      S3Request request, S3Operation.PutBucketNotificationConfiguration op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_NOTIFICATION);
    NotificationConfiguration configuration =
        new NotificationConfigurationXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    notifications.put(request.caller(), op.bucket(), configuration);
    return new HttpResponse(200);
  }
}
