package io.coffer.it.access;

import static io.coffer.it.access.ActionTableIT.BUCKET;
import static io.coffer.it.access.ActionTableIT.catchNoSuch;

import io.coffer.it.access.ActionTableIT.Row;
import io.coffer.it.support.SignedHttp;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ActionTableIT}'s rows for the operations that read or change a bucket's settings
 * (versioning, object lock, policy, ACL, tags, ownership, public access block, CORS, default
 * encryption, lifecycle, notifications).
 */
final class BucketSettingRows {
  private BucketSettingRows() {}

  static Stream<Row> rows() {
    String ownPolicy =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
            + " {\"AWS\": \"nobody-at-all\"}, \"Action\": \"s3:GetObject\", \"Resource\":"
            + " \"arn:aws:s3:::"
            + BUCKET
            + "/*\"}]}";
    return Stream.of(
        new Row(
            "GetBucketVersioning",
            "s3:GetBucketVersioning",
            s3 -> s3.getBucketVersioning(b -> b.bucket(BUCKET))),
        new Row(
            "PutBucketVersioning",
            "s3:PutBucketVersioning",
            s3 ->
                s3.putBucketVersioning(
                    b ->
                        b.bucket(BUCKET)
                            .versioningConfiguration(
                                c -> c.status(BucketVersioningStatus.ENABLED)))),
        new Row(
            "GetObjectLockConfiguration",
            "s3:GetBucketObjectLockConfiguration",
            s3 -> s3.getObjectLockConfiguration(b -> b.bucket(BUCKET))),
        new Row(
            "PutObjectLockConfiguration",
            "s3:PutBucketObjectLockConfiguration",
            s3 ->
                s3.putObjectLockConfiguration(
                    b ->
                        b.bucket(BUCKET)
                            .objectLockConfiguration(c -> c.objectLockEnabled("Enabled")))),
        new Row(
            "GetBucketPolicy",
            "s3:GetBucketPolicy",
            s3 -> s3.getBucketPolicy(b -> b.bucket(BUCKET))),
        new Row(
            "PutBucketPolicy",
            "s3:PutBucketPolicy",
            s3 -> s3.putBucketPolicy(b -> b.bucket(BUCKET).policy(ownPolicy))),
        new Row(
            "DeleteBucketPolicy",
            "s3:DeleteBucketPolicy",
            s3 -> s3.deleteBucketPolicy(b -> b.bucket(BUCKET))),
        new Row(
            "GetBucketPolicyStatus",
            "s3:GetBucketPolicyStatus",
            s3 -> s3.getBucketPolicyStatus(b -> b.bucket(BUCKET))),
        new Row("GetBucketAcl", "s3:GetBucketAcl", s3 -> s3.getBucketAcl(b -> b.bucket(BUCKET))),
        new Row(
            "PutBucketAcl",
            "s3:PutBucketAcl",
            s3 -> s3.putBucketAcl(b -> b.bucket(BUCKET).acl("private"))),
        new Row(
            "GetBucketTagging",
            "s3:GetBucketTagging",
            s3 -> catchNoSuch(() -> s3.getBucketTagging(b -> b.bucket(BUCKET)))),
        new Row(
            "PutBucketTagging",
            "s3:PutBucketTagging",
            s3 ->
                s3.putBucketTagging(
                    b -> b.bucket(BUCKET).tagging(t -> t.tagSet(g -> g.key("k").value("v"))))),
        new Row(
            "DeleteBucketTagging",
            "s3:PutBucketTagging",
            s3 -> s3.deleteBucketTagging(b -> b.bucket(BUCKET))),
        new Row(
            "GetBucketOwnershipControls",
            "s3:GetBucketOwnershipControls",
            s3 -> s3.getBucketOwnershipControls(b -> b.bucket(BUCKET))),
        new Row(
            "PutBucketOwnershipControls",
            "s3:PutBucketOwnershipControls",
            s3 ->
                s3.putBucketOwnershipControls(
                    b ->
                        b.bucket(BUCKET)
                            .ownershipControls(
                                c ->
                                    c.rules(
                                        r -> r.objectOwnership(ObjectOwnership.OBJECT_WRITER))))),
        new Row(
            "DeleteBucketOwnershipControls",
            "s3:PutBucketOwnershipControls",
            s3 -> s3.deleteBucketOwnershipControls(b -> b.bucket(BUCKET))),
        new Row(
            "GetPublicAccessBlock",
            "s3:GetBucketPublicAccessBlock",
            s3 -> s3.getPublicAccessBlock(b -> b.bucket(BUCKET))),
        new Row(
            "PutPublicAccessBlock",
            "s3:PutBucketPublicAccessBlock",
            s3 ->
                s3.putPublicAccessBlock(
                    b ->
                        b.bucket(BUCKET)
                            .publicAccessBlockConfiguration(c -> c.blockPublicAcls(false)))),
        new Row(
            "DeletePublicAccessBlock",
            "s3:PutBucketPublicAccessBlock",
            s3 -> s3.deletePublicAccessBlock(b -> b.bucket(BUCKET))),
        new Row(
            "GetBucketCors",
            "s3:GetBucketCORS",
            s3 -> catchNoSuch(() -> s3.getBucketCors(b -> b.bucket(BUCKET)))),
        new Row(
            "PutBucketCors",
            "s3:PutBucketCORS",
            s3 ->
                s3.putBucketCors(
                    b ->
                        b.bucket(BUCKET)
                            .corsConfiguration(
                                c ->
                                    c.corsRules(
                                        r -> r.allowedOrigins("*").allowedMethods("GET"))))),
        new Row(
            "DeleteBucketCors",
            "s3:PutBucketCORS",
            s3 -> s3.deleteBucketCors(b -> b.bucket(BUCKET))),
        new Row(
            "GetBucketEncryption",
            "s3:GetEncryptionConfiguration",
            s3 -> catchNoSuch(() -> s3.getBucketEncryption(b -> b.bucket(BUCKET)))),
        new Row(
            "PutBucketEncryption",
            "s3:PutEncryptionConfiguration",
            s3 ->
                s3.putBucketEncryption(
                    b ->
                        b.bucket(BUCKET)
                            .serverSideEncryptionConfiguration(
                                c ->
                                    c.rules(
                                        r ->
                                            r.applyServerSideEncryptionByDefault(
                                                d -> d.sseAlgorithm("AES256")))))),
        new Row(
            "DeleteBucketEncryption",
            "s3:PutEncryptionConfiguration",
            s3 -> s3.deleteBucketEncryption(b -> b.bucket(BUCKET))),
        new Row(
            "GetBucketLifecycleConfiguration",
            "s3:GetLifecycleConfiguration",
            s3 -> catchNoSuch(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket(BUCKET)))),
        new Row(
            "PutBucketLifecycleConfiguration",
            "s3:PutLifecycleConfiguration",
            s3 ->
                s3.putBucketLifecycleConfiguration(
                    b ->
                        b.bucket(BUCKET)
                            .lifecycleConfiguration(
                                c ->
                                    c.rules(
                                        r ->
                                            r.id("action-table")
                                                .filter(f -> f.prefix("never/"))
                                                .status("Enabled")
                                                .expiration(e -> e.days(3650)))))),
        new Row(
            "DeleteBucketLifecycle",
            "s3:PutLifecycleConfiguration",
            s3 -> s3.deleteBucketLifecycle(b -> b.bucket(BUCKET))),
        new Row(
            "GetBucketNotificationConfiguration",
            "s3:GetBucketNotification",
            s3 -> s3.getBucketNotificationConfiguration(b -> b.bucket(BUCKET))),
        // An empty configuration: it names no target, so none needs to exist.
        new Row(
            "PutBucketNotificationConfiguration",
            "s3:PutBucketNotification",
            s3 ->
                s3.putBucketNotificationConfiguration(
                    b -> b.bucket(BUCKET).notificationConfiguration(c -> {}))),
        new Row(
            "ListenBucketNotification",
            "s3:ListenBucketNotification",
            BucketSettingRows::listenBucketNotification));
  }

  /**
   * MinIO's live event stream (the SDK has no such call), signed with the client's credential:
   * answered 200 (then closed at once) or refused.
   */
  private static void listenBucketNotification(S3Client s3) {
    AwsCredentialsIdentity keys =
        s3.serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
    int status;
    try {
      HttpResponse<InputStream> response =
          SignedHttp.request(ActionTableIT.coffer.s3Uri(), "GET", BUCKET, null)
              .query("events", "s3:ObjectCreated:*")
              .as(keys.accessKeyId(), keys.secretAccessKey())
              .open();
      status = response.statusCode();
      response.body().close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (status != 200) {
      throw (S3Exception) S3Exception.builder().statusCode(status).build();
    }
  }
}
