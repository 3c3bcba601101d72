package io.coffer.it.auth;

import static io.coffer.it.auth.AuthCase.of;
import static io.coffer.it.auth.MatrixFixture.ALICE_BUCKET;
import static io.coffer.it.auth.MatrixFixture.ALICE_OBJECT;
import static io.coffer.it.auth.MatrixFixture.ALICE_UPLOAD_KEY;
import static io.coffer.it.auth.MatrixFixture.BOB_BUCKET;
import static io.coffer.it.auth.MatrixFixture.BOB_OBJECT;
import static io.coffer.it.auth.MatrixFixture.BOB_UPLOAD_KEY;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * Bob, with a valid credential, against Alice's bucket: every operation is AccessDenied, decided
 * before anything about the bucket's contents is looked at, so the answer reveals nothing.
 */
final class OwnershipCases {
  private OwnershipCases() {}

  static List<AuthCase> all(MatrixFixture f) {
    S3Client bob = f.bob;
    String upload = f.aliceUpload;
    String bobUpload = f.bobUpload;
    return List.of(
        denied("HeadBucket", () -> bob.headBucket(b -> b.bucket(ALICE_BUCKET))),
        denied("GetBucketLocation", () -> bob.getBucketLocation(b -> b.bucket(ALICE_BUCKET))),
        denied("GetBucketVersioning", () -> bob.getBucketVersioning(b -> b.bucket(ALICE_BUCKET))),
        denied(
            "PutBucketVersioning",
            () ->
                bob.putBucketVersioning(
                    b ->
                        b.bucket(ALICE_BUCKET)
                            .versioningConfiguration(
                                c -> c.status(BucketVersioningStatus.SUSPENDED)))),
        denied(
            "GetObjectLockConfiguration",
            () -> bob.getObjectLockConfiguration(b -> b.bucket(ALICE_BUCKET))),
        denied(
            "PutObjectLockConfiguration",
            () ->
                bob.putObjectLockConfiguration(
                    b ->
                        b.bucket(ALICE_BUCKET)
                            .objectLockConfiguration(
                                c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)))),
        denied(
            "GetObjectRetention",
            () -> bob.getObjectRetention(b -> b.bucket(ALICE_BUCKET).key(ALICE_OBJECT))),
        denied(
            "PutObjectRetention",
            () ->
                bob.putObjectRetention(
                    b ->
                        b.bucket(ALICE_BUCKET)
                            .key(ALICE_OBJECT)
                            .retention(
                                r ->
                                    r.mode(ObjectLockRetentionMode.GOVERNANCE)
                                        .retainUntilDate(Instant.now().plusSeconds(3600))))),
        denied(
            "GetObjectLegalHold",
            () -> bob.getObjectLegalHold(b -> b.bucket(ALICE_BUCKET).key(ALICE_OBJECT))),
        denied(
            "PutObjectLegalHold",
            () ->
                bob.putObjectLegalHold(
                    b ->
                        b.bucket(ALICE_BUCKET)
                            .key(ALICE_OBJECT)
                            .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)))),
        denied("ListObjects", () -> bob.listObjects(b -> b.bucket(ALICE_BUCKET))),
        denied("ListObjectsV2", () -> bob.listObjectsV2(b -> b.bucket(ALICE_BUCKET))),
        denied("ListObjectVersions", () -> bob.listObjectVersions(b -> b.bucket(ALICE_BUCKET))),
        denied("ListMultipartUploads", () -> bob.listMultipartUploads(b -> b.bucket(ALICE_BUCKET))),
        denied("DeleteBucket", () -> bob.deleteBucket(b -> b.bucket(ALICE_BUCKET))),
        denied(
            "PutObject of a new key",
            () ->
                bob.putObject(
                    b -> b.bucket(ALICE_BUCKET).key("planted.txt"),
                    RequestBody.fromString("bob's"))),
        denied(
            "PutObject over her object",
            () ->
                bob.putObject(
                    b -> b.bucket(ALICE_BUCKET).key(ALICE_OBJECT),
                    RequestBody.fromString("bob's"))),
        denied(
            "GetObject", () -> bob.getObjectAsBytes(b -> b.bucket(ALICE_BUCKET).key(ALICE_OBJECT))),
        denied(
            "GetObject with a Range",
            () ->
                bob.getObjectAsBytes(
                    b -> b.bucket(ALICE_BUCKET).key(ALICE_OBJECT).range("bytes=0-3"))),
        denied(
            "GetObject of a missing key",
            () -> bob.getObjectAsBytes(b -> b.bucket(ALICE_BUCKET).key("missing.txt"))),
        denied("HeadObject", () -> bob.headObject(b -> b.bucket(ALICE_BUCKET).key(ALICE_OBJECT))),
        denied(
            "DeleteObject", () -> bob.deleteObject(b -> b.bucket(ALICE_BUCKET).key(ALICE_OBJECT))),
        denied(
            "DeleteObjects",
            () ->
                bob.deleteObjects(
                    b ->
                        b.bucket(ALICE_BUCKET)
                            .delete(
                                d ->
                                    d.objects(
                                        ObjectIdentifier.builder().key(ALICE_OBJECT).build())))),
        denied(
            "CopyObject from her bucket into his",
            () ->
                bob.copyObject(
                    b ->
                        b.sourceBucket(ALICE_BUCKET)
                            .sourceKey(ALICE_OBJECT)
                            .destinationBucket(BOB_BUCKET)
                            .destinationKey("stolen.txt"))),
        denied(
            "CopyObject from his bucket into hers",
            () ->
                bob.copyObject(
                    b ->
                        b.sourceBucket(BOB_BUCKET)
                            .sourceKey(BOB_OBJECT)
                            .destinationBucket(ALICE_BUCKET)
                            .destinationKey(ALICE_OBJECT))),
        denied(
            "CopyObject within her bucket",
            () ->
                bob.copyObject(
                    b ->
                        b.sourceBucket(ALICE_BUCKET)
                            .sourceKey(ALICE_OBJECT)
                            .destinationBucket(ALICE_BUCKET)
                            .destinationKey("copy.txt"))),
        denied(
            "CreateMultipartUpload",
            () -> bob.createMultipartUpload(b -> b.bucket(ALICE_BUCKET).key("bob-upload"))),
        denied(
            "UploadPart into her upload",
            () ->
                bob.uploadPart(
                    b ->
                        b.bucket(ALICE_BUCKET).key(ALICE_UPLOAD_KEY).uploadId(upload).partNumber(1),
                    RequestBody.fromString("bob's part"))),
        denied(
            "ListParts of her upload",
            () ->
                bob.listParts(b -> b.bucket(ALICE_BUCKET).key(ALICE_UPLOAD_KEY).uploadId(upload))),
        denied(
            "CompleteMultipartUpload of her upload",
            () ->
                bob.completeMultipartUpload(
                    b ->
                        b.bucket(ALICE_BUCKET)
                            .key(ALICE_UPLOAD_KEY)
                            .uploadId(upload)
                            .multipartUpload(
                                m ->
                                    m.parts(
                                        CompletedPart.builder()
                                            .partNumber(1)
                                            .eTag(f.alicePartEtag)
                                            .build())))),
        denied(
            "AbortMultipartUpload of her upload",
            () ->
                bob.abortMultipartUpload(
                    b -> b.bucket(ALICE_BUCKET).key(ALICE_UPLOAD_KEY).uploadId(upload))),
        denied(
            "UploadPartCopy from her bucket into his upload",
            () ->
                bob.uploadPartCopy(
                    b ->
                        b.sourceBucket(ALICE_BUCKET)
                            .sourceKey(ALICE_OBJECT)
                            .destinationBucket(BOB_BUCKET)
                            .destinationKey(BOB_UPLOAD_KEY)
                            .uploadId(bobUpload)
                            .partNumber(1))),
        denied(
            "UploadPartCopy from his bucket into her upload",
            () ->
                bob.uploadPartCopy(
                    b ->
                        b.sourceBucket(BOB_BUCKET)
                            .sourceKey(BOB_OBJECT)
                            .destinationBucket(ALICE_BUCKET)
                            .destinationKey(ALICE_UPLOAD_KEY)
                            .uploadId(upload)
                            .partNumber(2))),
        of(
            "another owner: CreateBucket of her bucket's name",
            409,
            "BucketAlreadyExists",
            () -> Answer.of(() -> bob.createBucket(b -> b.bucket(ALICE_BUCKET)))),
        of(
            "another owner: a URL he presigned for her object",
            403,
            "AccessDenied",
            () ->
                PresignedCases.send(
                    "GET",
                    io.coffer.s3.auth.SigV4Signer.presign(
                        "GET",
                        f.s3.toString(),
                        ALICE_BUCKET,
                        ALICE_OBJECT,
                        Map.of(),
                        f.bobKeys.accessKey(),
                        f.bobKeys.secretKey(),
                        "us-east-1",
                        Instant.now(),
                        600))),
        of(
            "another owner: the management API will not presign her bucket with his key",
            400,
            "invalid_request",
            () ->
                Answer.of(
                    f.api.send(
                        "POST",
                        "/presigned-urls",
                        io.coffer.it.admin.Api.json(
                            Map.of(
                                "bucket_name",
                                ALICE_BUCKET,
                                "object_key",
                                ALICE_OBJECT,
                                "access_key",
                                f.bobKeys.accessKey()))))));
  }

  private static AuthCase denied(String operation, Runnable call) {
    return of("another owner: " + operation, 403, "AccessDenied", () -> Answer.of(call));
  }
}
