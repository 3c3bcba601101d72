package io.coffer.admin.api;

import io.coffer.service.AnonymousAccessService;
import io.coffer.service.BucketAccessService;
import io.coffer.service.BucketService;
import io.coffer.service.CopyService;
import io.coffer.service.CorsService;
import io.coffer.service.CredentialService;
import io.coffer.service.EncryptionService;
import io.coffer.service.LifecycleService;
import io.coffer.service.MultipartService;
import io.coffer.service.ObjectLockService;
import io.coffer.service.ObjectService;
import io.coffer.service.PresignedPostService;
import io.coffer.service.PresignedUrlService;
import io.coffer.service.StatsService;
import io.coffer.service.TaggingService;
import io.coffer.service.lifecycle.LifecyclePreview;
import io.coffer.service.notification.BucketNotificationService;
import io.coffer.service.notification.NotificationTargetService;
import io.coffer.service.ops.Operations;

/** The services behind the management API. */
public record ManagementServices(
    StatsService stats,
    CredentialService credentials,
    BucketService buckets,
    ObjectService objects,
    MultipartService multipart,
    PresignedUrlService presignedUrls,
    ObjectLockService locks,
    CopyService copies,
    BucketAccessService bucketAccess,
    AnonymousAccessService anonymousAccess,
    CorsService cors,
    EncryptionService encryption,
    LifecycleService lifecycle,
    TaggingService tagging,
    LifecyclePreview lifecyclePreview,
    PresignedPostService presignedPosts,
    NotificationTargetService notificationTargets,
    BucketNotificationService bucketNotifications,
    Operations operations) {}
