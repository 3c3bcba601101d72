package io.coffer.it.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;

/**
 * Every S3 operation on one bucket, sent by one client through the AWS SDK, for the access-control
 * cases of the auth matrix: who may not reach a bucket must be refused for each of them. Copies
 * stay within the bucket, so that each operation names that bucket only.
 */
final class Operations {
  /** What is attacked: a bucket, an object in it, and an upload in progress with one part. */
  record Target(String bucket, String object, String uploadKey, String uploadId, String partEtag) {}

  /** One operation: its name, whether it changes anything, and the SDK call. */
  record Operation(String name, boolean write, Runnable call) {}

  private Operations() {}

  /** A bucket policy that would make the whole bucket public: what an attacker would store. */
  static String publicPolicy(String bucket) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
        + " \"*\", \"Action\": \"s3:*\", \"Resource\": [\"arn:aws:s3:::"
        + bucket
        + "\", \"arn:aws:s3:::"
        + bucket
        + "/*\"]}]}";
  }

  static List<Operation> on(S3Client s3, Target t) {
    List<Operation> all = new ArrayList<>(bucketOperations(s3, t.bucket()));
    all.addAll(objectOperations(s3, t));
    all.addAll(uploadOperations(s3, t));
    return all;
  }

  /** The operations that change a bucket's or an object's access settings. */
  static List<Operation> accessWrites(S3Client s3, Target t) {
    return on(s3, t).stream()
        .filter(o -> o.write() && o.name().matches(".*(Policy|Acl|PublicAccessBlock|Ownership).*"))
        .toList();
  }

  private static List<Operation> bucketOperations(S3Client s3, String bucket) {
    return List.of(
        read("HeadBucket", () -> s3.headBucket(b -> b.bucket(bucket))),
        read("GetBucketLocation", () -> s3.getBucketLocation(b -> b.bucket(bucket))),
        read("GetBucketVersioning", () -> s3.getBucketVersioning(b -> b.bucket(bucket))),
        write(
            "PutBucketVersioning",
            () ->
                s3.putBucketVersioning(
                    b ->
                        b.bucket(bucket)
                            .versioningConfiguration(
                                c -> c.status(BucketVersioningStatus.SUSPENDED)))),
        read(
            "GetObjectLockConfiguration",
            () -> s3.getObjectLockConfiguration(b -> b.bucket(bucket))),
        write(
            "PutObjectLockConfiguration",
            () ->
                s3.putObjectLockConfiguration(
                    b ->
                        b.bucket(bucket)
                            .objectLockConfiguration(
                                c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)))),
        read("ListObjects", () -> s3.listObjects(b -> b.bucket(bucket))),
        read("ListObjectsV2", () -> s3.listObjectsV2(b -> b.bucket(bucket))),
        read("ListObjectVersions", () -> s3.listObjectVersions(b -> b.bucket(bucket))),
        read("ListMultipartUploads", () -> s3.listMultipartUploads(b -> b.bucket(bucket))),
        write("DeleteBucket", () -> s3.deleteBucket(b -> b.bucket(bucket))),
        read("GetBucketPolicy", () -> s3.getBucketPolicy(b -> b.bucket(bucket))),
        read("GetBucketPolicyStatus", () -> s3.getBucketPolicyStatus(b -> b.bucket(bucket))),
        write(
            "PutBucketPolicy",
            () -> s3.putBucketPolicy(b -> b.bucket(bucket).policy(publicPolicy(bucket)))),
        write("DeleteBucketPolicy", () -> s3.deleteBucketPolicy(b -> b.bucket(bucket))),
        read("GetBucketAcl", () -> s3.getBucketAcl(b -> b.bucket(bucket))),
        write(
            "PutBucketAcl",
            () -> s3.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ_WRITE))),
        read(
            "GetBucketOwnershipControls",
            () -> s3.getBucketOwnershipControls(b -> b.bucket(bucket))),
        write(
            "PutBucketOwnershipControls",
            () ->
                s3.putBucketOwnershipControls(
                    b ->
                        b.bucket(bucket)
                            .ownershipControls(
                                c ->
                                    c.rules(
                                        r ->
                                            r.objectOwnership(
                                                ObjectOwnership.BUCKET_OWNER_ENFORCED))))),
        write(
            "DeleteBucketOwnershipControls",
            () -> s3.deleteBucketOwnershipControls(b -> b.bucket(bucket))),
        read("GetPublicAccessBlock", () -> s3.getPublicAccessBlock(b -> b.bucket(bucket))),
        write(
            "PutPublicAccessBlock",
            () ->
                s3.putPublicAccessBlock(
                    b ->
                        b.bucket(bucket)
                            .publicAccessBlockConfiguration(
                                c ->
                                    c.blockPublicAcls(false)
                                        .ignorePublicAcls(false)
                                        .blockPublicPolicy(false)
                                        .restrictPublicBuckets(false)))),
        write("DeletePublicAccessBlock", () -> s3.deletePublicAccessBlock(b -> b.bucket(bucket))));
  }

  private static List<Operation> objectOperations(S3Client s3, Target t) {
    String bucket = t.bucket();
    String key = t.object();
    return List.of(
        write(
            "PutObject of a new key",
            () ->
                s3.putObject(
                    b -> b.bucket(bucket).key("planted.txt"), RequestBody.fromString("x"))),
        write(
            "PutObject over an object",
            () -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"))),
        write(
            "PutObject with x-amz-acl public-read",
            () ->
                s3.putObject(
                    b -> b.bucket(bucket).key("public.txt").acl(ObjectCannedACL.PUBLIC_READ),
                    RequestBody.fromString("x"))),
        read("GetObject", () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key))),
        read(
            "GetObject of a missing key",
            () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("missing.txt"))),
        read("HeadObject", () -> s3.headObject(b -> b.bucket(bucket).key(key))),
        write("DeleteObject", () -> s3.deleteObject(b -> b.bucket(bucket).key(key))),
        write(
            "DeleteObjects",
            () ->
                s3.deleteObjects(
                    b ->
                        b.bucket(bucket)
                            .delete(d -> d.objects(ObjectIdentifier.builder().key(key).build())))),
        write(
            "CopyObject within the bucket",
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket(bucket)
                            .sourceKey(key)
                            .destinationBucket(bucket)
                            .destinationKey("copy.txt"))),
        read("GetObjectAcl", () -> s3.getObjectAcl(b -> b.bucket(bucket).key(key))),
        write(
            "PutObjectAcl",
            () ->
                s3.putObjectAcl(
                    b -> b.bucket(bucket).key(key).acl(ObjectCannedACL.PUBLIC_READ_WRITE))),
        read("GetObjectRetention", () -> s3.getObjectRetention(b -> b.bucket(bucket).key(key))),
        write(
            "PutObjectRetention",
            () ->
                s3.putObjectRetention(
                    b ->
                        b.bucket(bucket)
                            .key(key)
                            .retention(
                                r ->
                                    r.mode(ObjectLockRetentionMode.GOVERNANCE)
                                        .retainUntilDate(Instant.now().plusSeconds(3600))))),
        read("GetObjectLegalHold", () -> s3.getObjectLegalHold(b -> b.bucket(bucket).key(key))),
        write(
            "PutObjectLegalHold",
            () ->
                s3.putObjectLegalHold(
                    b ->
                        b.bucket(bucket)
                            .key(key)
                            .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)))));
  }

  private static List<Operation> uploadOperations(S3Client s3, Target t) {
    String bucket = t.bucket();
    String key = t.uploadKey();
    String upload = t.uploadId();
    return List.of(
        write(
            "CreateMultipartUpload",
            () -> s3.createMultipartUpload(b -> b.bucket(bucket).key("new-upload.bin"))),
        write(
            "UploadPart",
            () ->
                s3.uploadPart(
                    b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(1),
                    RequestBody.fromString("a part"))),
        write(
            "UploadPartCopy",
            () ->
                s3.uploadPartCopy(
                    b ->
                        b.sourceBucket(bucket)
                            .sourceKey(t.object())
                            .destinationBucket(bucket)
                            .destinationKey(key)
                            .uploadId(upload)
                            .partNumber(2))),
        read("ListParts", () -> s3.listParts(b -> b.bucket(bucket).key(key).uploadId(upload))),
        write(
            "CompleteMultipartUpload",
            () ->
                s3.completeMultipartUpload(
                    b ->
                        b.bucket(bucket)
                            .key(key)
                            .uploadId(upload)
                            .multipartUpload(
                                m ->
                                    m.parts(
                                        CompletedPart.builder()
                                            .partNumber(1)
                                            .eTag(t.partEtag())
                                            .build())))),
        write(
            "AbortMultipartUpload",
            () -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload))));
  }

  private static Operation read(String name, Runnable call) {
    return new Operation(name, false, call);
  }

  private static Operation write(String name, Runnable call) {
    return new Operation(name, true, call);
  }
}
