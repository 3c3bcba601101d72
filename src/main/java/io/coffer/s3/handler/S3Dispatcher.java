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

  public S3Dispatcher(
      BucketHandler buckets,
      ObjectHandler objects,
      ListingHandler listings,
      MultipartHandler multipart,
      CopyHandler copies,
      DeleteObjectsHandler deleteObjects,
      VersioningHandler versioning,
      ObjectLockHandler locks,
      AccessControlHandler access) {
    this.buckets = buckets;
    this.objects = objects;
    this.listings = listings;
    this.multipart = multipart;
    this.copies = copies;
    this.deleteObjects = deleteObjects;
    this.versioning = versioning;
    this.locks = locks;
    this.access = access;
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
      case S3Operation.Unsupported op -> throw op.refusal();
    };
  }
}
