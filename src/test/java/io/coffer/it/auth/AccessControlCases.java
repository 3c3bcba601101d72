package io.coffer.it.auth;

import static io.coffer.it.auth.AuthCase.of;
import static io.coffer.it.auth.MatrixFixture.ALICE_BUCKET;
import static io.coffer.it.auth.MatrixFixture.ALICE_OBJECT;
import static io.coffer.it.auth.MatrixFixture.ALICE_UPLOAD_KEY;
import static io.coffer.it.auth.MatrixFixture.BOB_BUCKET;
import static io.coffer.it.auth.MatrixFixture.BOB_OBJECT;
import static io.coffer.it.auth.MatrixFixture.BOB_UPLOAD_KEY;

import io.coffer.it.admin.Api;
import io.coffer.it.auth.Operations.Operation;
import io.coffer.it.auth.Operations.Target;
import io.coffer.it.support.RawS3;
import io.coffer.s3.auth.SigV4Signer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import tools.jackson.databind.JsonNode;

/**
 * What policies, ACLs and service accounts refuse: anonymous callers on a private bucket (and on a
 * missing one), a credential whose identity policy only reads, one allowed everything but denied by
 * a bucket policy, expired and narrowed service accounts, URLs presigned by credentials without the
 * right, and another credential changing a bucket's policy or ACLs. Each for every operation it
 * concerns; the matrix checks after each that nothing stored changed, access settings included.
 */
final class AccessControlCases {
  static final String GUARDED_BUCKET = "guarded-data";
  static final String GUARDED_OBJECT = "guarded.txt";
  static final String GUARDED_UPLOAD_KEY = "guarded-upload.bin";
  static final String MISSING_BUCKET = "no-such-bucket";

  private AccessControlCases() {}

  static List<AuthCase> all(MatrixFixture f) {
    Target aliceData =
        new Target(ALICE_BUCKET, ALICE_OBJECT, ALICE_UPLOAD_KEY, f.aliceUpload, f.alicePartEtag);
    Target bobData =
        new Target(BOB_BUCKET, BOB_OBJECT, BOB_UPLOAD_KEY, f.bobUpload, "\"no-such-part\"");
    Target missing = new Target(MISSING_BUCKET, "any.txt", "any.bin", "no-such-upload", "\"x\"");

    // Frank may read Alice's bucket and nothing more.
    MatrixFixture.Keys frank = f.createCredential("frank", null, null);
    policy(
        f,
        "matrix-readonly",
        "[\"s3:GetObject\", \"s3:ListBucket\", \"s3:GetBucket*\", \"s3:GetObjectAcl\"]",
        "[\"arn:aws:s3:::" + ALICE_BUCKET + "\", \"arn:aws:s3:::" + ALICE_BUCKET + "/*\"]");
    f.admin(
        "PUT",
        "/credentials/" + frank.id() + "/policies",
        "{\"policies\": [\"matrix-readonly\"]}",
        200);
    S3Client asFrank = f.server.client(frank.accessKey(), frank.secretKey());

    // Grace may do everything anywhere, but the guarded bucket's policy denies her everything.
    MatrixFixture.Keys grace = f.createCredential("grace", null, null);
    policy(f, "matrix-everything", "\"s3:*\"", "\"*\"");
    f.admin(
        "PUT",
        "/credentials/" + grace.id() + "/policies",
        "{\"policies\": [\"matrix-everything\"]}",
        200);
    S3Client asGrace = f.server.client(grace.accessKey(), grace.secretKey());
    Target guarded = guardedBucket(f, grace.accessKey());

    // Bob's service accounts: one expired, one whose inline policy only reads his objects.
    Api.Reply expiredReply =
        f.api.send(
            "POST",
            "/credentials",
            "{\"user_name\": \"bob-expired\", \"parent_id\": "
                + f.bobKeys.id()
                + ", \"expires_at\": \"2020-01-01T00:00:00Z\"}");
    MatrixFixture.Keys expired = keys(expiredReply);
    S3Client asExpired = f.server.client(expired.accessKey(), expired.secretKey());
    Api.Reply narrowReply =
        f.api.send(
            "POST",
            "/credentials",
            "{\"user_name\": \"bob-reader\", \"parent_id\": "
                + f.bobKeys.id()
                + ", \"policy\": "
                + allow("\"s3:GetObject\"", "\"arn:aws:s3:::" + BOB_BUCKET + "/*\"")
                + "}");
    MatrixFixture.Keys narrow = keys(narrowReply);
    S3Client asNarrow = f.server.client(narrow.accessKey(), narrow.secretKey());

    S3Client anonymous =
        S3Client.builder()
            .endpointOverride(f.s3)
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .build();

    List<AuthCase> cases = new ArrayList<>();
    for (Operation op : Operations.on(anonymous, aliceData)) {
      cases.add(denied("anonymous on a private bucket: " + op.name(), op));
    }
    cases.add(
        denied(
            "anonymous: CreateBucket",
            new Operation("", true, () -> anonymous.createBucket(b -> b.bucket("anon-bucket")))));
    cases.add(denied("anonymous: ListBuckets", new Operation("", false, anonymous::listBuckets)));
    cases.add(
        of(
            "anonymous on a missing bucket: HeadObject",
            404,
            "NoSuchBucket",
            () ->
                Answer.of(
                    RawS3.sendUrl(
                        "HEAD",
                        f.s3 + "/" + MISSING_BUCKET + "/" + missing.object(),
                        new byte[0]))));
    for (Operation op : Operations.on(anonymous, missing)) {
      if (op.name().equals("HeadObject")) {
        continue; // the SDK reads any 404 of a HEAD as NoSuchKey: sent raw below
      }
      cases.add(
          of(
              "anonymous on a missing bucket: " + op.name(),
              404,
              "NoSuchBucket",
              () -> Answer.of(op.call())));
    }
    for (Operation op : Operations.on(asFrank, aliceData)) {
      if (op.write()) {
        cases.add(denied("read-only identity policy: " + op.name(), op));
      }
    }
    for (Operation op : Operations.on(asGrace, guarded)) {
      cases.add(denied("s3:* but denied by the bucket policy: " + op.name(), op));
    }
    for (Operation op : Operations.on(asNarrow, bobData)) {
      if (!op.name().equals("GetObject") && !op.name().equals("HeadObject")) { // it may read
        cases.add(denied("service account with a read-only inline policy: " + op.name(), op));
      }
    }
    for (Operation op : Operations.accessWrites(f.bob, guarded)) {
      cases.add(denied("another owner's access settings: " + op.name(), op));
    }
    cases.addAll(expiredCases(f.s3.toString(), asExpired, expired));
    cases.addAll(presignedCases(f, frank, grace, narrow));
    return cases;
  }

  /**
   * Alice's bucket with every access setting away from its default, so that a refused change would
   * show: a policy denying Grace everything, a public-read bucket ACL, an authenticated-read object
   * ACL and a public access block. An upload in progress too.
   */
  private static Target guardedBucket(MatrixFixture f, String graceAccessKey) {
    S3Client alice = f.alice;
    alice.createBucket(b -> b.bucket(GUARDED_BUCKET));
    alice.putObject(
        b -> b.bucket(GUARDED_BUCKET).key(GUARDED_OBJECT).acl(ObjectCannedACL.AUTHENTICATED_READ),
        RequestBody.fromString("guarded"));
    String upload =
        alice
            .createMultipartUpload(b -> b.bucket(GUARDED_BUCKET).key(GUARDED_UPLOAD_KEY))
            .uploadId();
    String etag =
        alice
            .uploadPart(
                b ->
                    b.bucket(GUARDED_BUCKET).key(GUARDED_UPLOAD_KEY).uploadId(upload).partNumber(1),
                RequestBody.fromString("guarded part"))
            .eTag();
    alice.putBucketPolicy(
        b ->
            b.bucket(GUARDED_BUCKET)
                .policy(
                    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"NotGrace\","
                        + " \"Effect\": \"Deny\", \"Principal\": {\"AWS\": \""
                        + graceAccessKey
                        + "\"}, \"Action\": \"s3:*\", \"Resource\": [\"arn:aws:s3:::"
                        + GUARDED_BUCKET
                        + "\", \"arn:aws:s3:::"
                        + GUARDED_BUCKET
                        + "/*\"]}]}"));
    alice.putBucketAcl(b -> b.bucket(GUARDED_BUCKET).acl(BucketCannedACL.PUBLIC_READ));
    alice.putPublicAccessBlock(
        b ->
            b.bucket(GUARDED_BUCKET)
                .publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
    f.world.watchUpload(alice, GUARDED_BUCKET, GUARDED_UPLOAD_KEY, upload);
    f.world.watchAccess(alice, GUARDED_BUCKET, GUARDED_OBJECT);
    return new Target(GUARDED_BUCKET, GUARDED_OBJECT, GUARDED_UPLOAD_KEY, upload, etag);
  }

  /** An expired service account is refused as an inactive key is, before anything else. */
  private static List<AuthCase> expiredCases(
      String endpoint, S3Client s3, MatrixFixture.Keys keys) {
    return List.of(
        invalidKey("ListBuckets", () -> Answer.of(s3::listBuckets)),
        invalidKey(
            "GetObject of its parent's object",
            () -> Answer.of(() -> s3.getObjectAsBytes(b -> b.bucket(BOB_BUCKET).key(BOB_OBJECT)))),
        invalidKey(
            "PutObject into its parent's bucket",
            () ->
                Answer.of(
                    () ->
                        s3.putObject(
                            b -> b.bucket(BOB_BUCKET).key("late.txt"),
                            RequestBody.fromString("x")))),
        invalidKey(
            "PutBucketPolicy on its parent's bucket",
            () ->
                Answer.of(
                    () ->
                        s3.putBucketPolicy(
                            b ->
                                b.bucket(BOB_BUCKET).policy(Operations.publicPolicy(BOB_BUCKET))))),
        invalidKey(
            "a URL it presigned",
            () ->
                PresignedCases.send(
                    "GET", presign(endpoint, "GET", BOB_BUCKET, BOB_OBJECT, keys))));
  }

  /** A presigned URL carries its signer's rights, and no more. */
  private static List<AuthCase> presignedCases(
      MatrixFixture f, MatrixFixture.Keys frank, MatrixFixture.Keys grace, MatrixFixture.Keys sa) {
    String s3 = f.s3.toString();
    return List.of(
        presigned(s3, "a read-only credential's PUT", "PUT", ALICE_BUCKET, "planted.txt", frank),
        presigned(
            s3, "a read-only credential's DELETE", "DELETE", ALICE_BUCKET, ALICE_OBJECT, frank),
        presigned(
            s3,
            "a GET of a credential the bucket policy denies",
            "GET",
            GUARDED_BUCKET,
            GUARDED_OBJECT,
            grace),
        presigned(
            s3,
            "a DELETE of a credential the bucket policy denies",
            "DELETE",
            GUARDED_BUCKET,
            GUARDED_OBJECT,
            grace),
        presigned(s3, "a narrowed service account's PUT", "PUT", BOB_BUCKET, "sa.txt", sa),
        presigned(s3, "a narrowed service account's DELETE", "DELETE", BOB_BUCKET, BOB_OBJECT, sa));
  }

  private static AuthCase presigned(
      String endpoint,
      String name,
      String method,
      String bucket,
      String key,
      MatrixFixture.Keys signer) {
    return of(
        "presigned by a credential without the right: " + name,
        403,
        "AccessDenied",
        () -> PresignedCases.send(method, presign(endpoint, method, bucket, key, signer)));
  }

  private static String presign(
      String endpoint, String method, String bucket, String key, MatrixFixture.Keys k) {
    return SigV4Signer.presign(
        method,
        endpoint,
        bucket,
        key,
        Map.of(),
        k.accessKey(),
        k.secretKey(),
        "us-east-1",
        Instant.now(),
        600);
  }

  private static AuthCase denied(String name, Operation op) {
    return of(name, 403, "AccessDenied", () -> Answer.of(op.call()));
  }

  private static AuthCase invalidKey(String name, AuthCase.Attempt attempt) {
    return of("expired service account: " + name, 403, "InvalidAccessKeyId", attempt);
  }

  private static String allow(String actions, String resources) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        + actions
        + ", \"Resource\": "
        + resources
        + "}]}";
  }

  private static void policy(MatrixFixture f, String name, String actions, String resources) {
    f.admin(
        "POST",
        "/policies",
        "{\"name\": \"" + name + "\", \"document\": " + allow(actions, resources) + "}",
        201);
  }

  private static MatrixFixture.Keys keys(Api.Reply reply) {
    if (reply.status() != 201) {
      throw new IllegalStateException(reply.http().body());
    }
    JsonNode created = reply.json();
    return new MatrixFixture.Keys(
        created.get("id").asLong(),
        created.get("access_key").asString(),
        created.get("secret_key").asString());
  }
}
