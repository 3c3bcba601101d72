package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;

/** Sends each operation to the handler of its family: one exhaustive switch. */
public final class S3Dispatcher {
  private final BucketHandler buckets;
  private final ObjectHandler objects;
  private final ListingHandler listings;
  private final MultipartHandler multipart;
  private final CopyHandler copies;
  private final DeleteObjectsHandler deleteObjects;
  private final VersioningHandler versioning;
  private final ObjectLockHandler locks;
  private final AccessControlHandler access;
  private final TaggingHandler tagging;
  private final CorsHandler cors;
  private final LifecycleHandler lifecycle;
  private final ObjectAttributesHandler attributes;
  private final PostObjectHandler postObject;
  private final EncryptionHandler encryption;
  private final ListenHandler listen;
  private final NotificationHandler notifications;

  public S3Dispatcher(
      BucketHandler buckets,
      ObjectHandler objects,
      ListingHandler listings,
      MultipartHandler multipart,
      CopyHandler copies,
      DeleteObjectsHandler deleteObjects,
      VersioningHandler versioning,
      ObjectLockHandler locks,
      AccessControlHandler access,
      TaggingHandler tagging,
      CorsHandler cors,
      LifecycleHandler lifecycle,
      ObjectAttributesHandler attributes,
      PostObjectHandler postObject,
      EncryptionHandler encryption,
      ListenHandler listen,
      NotificationHandler notifications) {
    this.buckets = buckets;
    this.objects = objects;
    this.listings = listings;
    this.multipart = multipart;
    this.copies = copies;
    this.deleteObjects = deleteObjects;
    this.versioning = versioning;
    this.locks = locks;
    this.access = access;
    this.tagging = tagging;
    this.cors = cors;
    this.lifecycle = lifecycle;
    this.attributes = attributes;
    this.postObject = postObject;
    this.encryption = encryption;
    this.listen = listen;
    this.notifications = notifications;
  }

  public HttpResponse dispatch(S3Operation operation, S3Request request) {
    return switch (operation) {
      case S3Operation.ListBuckets op -> buckets.listBuckets(request, op);
      case S3Operation.CreateBucket op -> buckets.createBucket(request, op);
      case S3Operation.HeadBucket op -> buckets.headBucket(request, op);
      case S3Operation.DeleteBucket op -> buckets.deleteBucket(request, op);
      case S3Operation.GetBucketLocation op -> buckets.getBucketLocation(request, op);
      case S3Operation.GetBucketVersioning op -> versioning.getBucketVersioning(request, op);
      case S3Operation.ListObjects op -> listings.listObjects(request, op);
      case S3Operation.ListObjectsV2 op -> listings.listObjectsV2(request, op);
      case S3Operation.ListObjectVersions op -> listings.listObjectVersions(request, op);
      case S3Operation.ListMultipartUploads op -> multipart.listUploads(request, op);
      case S3Operation.DeleteObjects op -> deleteObjects.deleteObjects(request, op);
      case S3Operation.PutObject op -> objects.putObject(request, op);
      case S3Operation.GetObject op -> objects.getObject(request, op);
      case S3Operation.HeadObject op -> objects.headObject(request, op);
      case S3Operation.DeleteObject op -> objects.deleteObject(request, op);
      case S3Operation.CopyObject op -> copies.copyObject(request, op);
      case S3Operation.UploadPartCopy op -> copies.uploadPartCopy(request, op);
      case S3Operation.CreateMultipartUpload op -> multipart.create(request, op);
      case S3Operation.UploadPart op -> multipart.uploadPart(request, op);
      case S3Operation.CompleteMultipartUpload op -> multipart.complete(request, op);
      case S3Operation.AbortMultipartUpload op -> multipart.abort(request, op);
      case S3Operation.ListParts op -> multipart.listParts(request, op);
      case S3Operation.PutBucketVersioning op -> versioning.putBucketVersioning(request, op);
      case S3Operation.PutObjectLockConfiguration op ->
          locks.putObjectLockConfiguration(request, op);
      case S3Operation.GetObjectLockConfiguration op ->
          locks.getObjectLockConfiguration(request, op);
      case S3Operation.PutObjectRetention op -> locks.putObjectRetention(request, op);
      case S3Operation.GetObjectRetention op -> locks.getObjectRetention(request, op);
      case S3Operation.PutObjectLegalHold op -> locks.putObjectLegalHold(request, op);
      case S3Operation.GetObjectLegalHold op -> locks.getObjectLegalHold(request, op);
      case S3Operation.GetBucketPolicy op -> access.getBucketPolicy(request, op);
      case S3Operation.PutBucketPolicy op -> access.putBucketPolicy(request, op);
      case S3Operation.DeleteBucketPolicy op -> access.deleteBucketPolicy(request, op);
      case S3Operation.GetBucketPolicyStatus op -> access.getBucketPolicyStatus(request, op);
      case S3Operation.GetBucketAcl op -> access.getBucketAcl(request, op);
      case S3Operation.PutBucketAcl op -> access.putBucketAcl(request, op);
      case S3Operation.GetObjectAcl op -> access.getObjectAcl(request, op);
      case S3Operation.PutObjectAcl op -> access.putObjectAcl(request, op);
      case S3Operation.GetBucketOwnershipControls op ->
          access.getBucketOwnershipControls(request, op);
      case S3Operation.PutBucketOwnershipControls op ->
          access.putBucketOwnershipControls(request, op);
      case S3Operation.DeleteBucketOwnershipControls op ->
          access.deleteBucketOwnershipControls(request, op);
      case S3Operation.GetPublicAccessBlock op -> access.getPublicAccessBlock(request, op);
      case S3Operation.PutPublicAccessBlock op -> access.putPublicAccessBlock(request, op);
      case S3Operation.DeletePublicAccessBlock op -> access.deletePublicAccessBlock(request, op);
      case S3Operation.GetBucketTagging op -> tagging.getBucketTagging(request, op);
      case S3Operation.PutBucketTagging op -> tagging.putBucketTagging(request, op);
      case S3Operation.DeleteBucketTagging op -> tagging.deleteBucketTagging(request, op);
      case S3Operation.GetObjectTagging op -> tagging.getObjectTagging(request, op);
      case S3Operation.PutObjectTagging op -> tagging.putObjectTagging(request, op);
      case S3Operation.DeleteObjectTagging op -> tagging.deleteObjectTagging(request, op);
      case S3Operation.GetBucketCors op -> cors.getBucketCors(request, op);
      case S3Operation.PutBucketCors op -> cors.putBucketCors(request, op);
      case S3Operation.DeleteBucketCors op -> cors.deleteBucketCors(request, op);
      case S3Operation.GetBucketLifecycleConfiguration op ->
          lifecycle.getBucketLifecycleConfiguration(request, op);
      case S3Operation.PutBucketLifecycleConfiguration op ->
          lifecycle.putBucketLifecycleConfiguration(request, op);
      case S3Operation.DeleteBucketLifecycle op -> lifecycle.deleteBucketLifecycle(request, op);
      case S3Operation.GetObjectAttributes op -> attributes.getObjectAttributes(request, op);
      case S3Operation.PostObject op -> postObject.postObject(request, op);
      case S3Operation.GetBucketEncryption op -> encryption.getBucketEncryption(request, op);
      case S3Operation.PutBucketEncryption op -> encryption.putBucketEncryption(request, op);
      case S3Operation.DeleteBucketEncryption op -> encryption.deleteBucketEncryption(request, op);
      case S3Operation.ListenBucketNotification op -> listen.listen(request, op);
      case S3Operation.GetBucketNotificationConfiguration op ->
          notifications.getBucketNotificationConfiguration(request, op);
      case S3Operation.PutBucketNotificationConfiguration op ->
          notifications.putBucketNotificationConfiguration(request, op);
      case S3Operation.Unsupported op -> throw op.refusal();
    };
  }
}
