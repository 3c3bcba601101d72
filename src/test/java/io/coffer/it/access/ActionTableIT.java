package io.coffer.it.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.FormUpload;
import io.coffer.model.Credential;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The action each S3 operation is authorized as, one row per operation, as AWS documents it (the
 * table in docs/security.md). For each row a credential whose only policy allows the row's actions
 * on another credential's bucket is not refused, and one allowed everything but denied the row's
 * action is refused with 403 AccessDenied — so the operation asks for exactly that action.
 */
class ActionTableIT {
  static final String BUCKET = "action-table";

  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  static Identities identities;
  static S3Client alice;
  static String versionId;

  /** One operation: the actions it needs, the one whose denial refuses it, and the call. */
  record Row(String operation, Set<String> actions, String deniedAction, Consumer<S3Client> call) {
    Row(String operation, String action, Consumer<S3Client> call) {
      this(operation, Set.of(action), action, call);
    }

    @Override
    public String toString() {
      return operation + " -> " + deniedAction;
    }
  }

  @BeforeAll
  static void setUp() {
    identities = new Identities(coffer);
    alice = coffer.s3();
    alice.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
    versionId =
        alice.putObject(b -> b.bucket(BUCKET).key("obj"), RequestBody.fromString("v")).versionId();
  }

  static void objectAttributes(S3Client s3) {
    s3.getObjectAttributes(b -> b.bucket(BUCKET).key("obj").objectAttributesWithStrings("ETag"));
  }

  static void versionAttributes(S3Client s3) {
    s3.getObjectAttributes(
        b -> b.bucket(BUCKET).key("obj").versionId(versionId).objectAttributesWithStrings("ETag"));
  }

  static String upload() {
    return alice.createMultipartUpload(b -> b.bucket(BUCKET).key("mp")).uploadId();
  }

  static String unique(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  static Stream<Row> rows() {
    return Stream.concat(objectAndBucketRows(), BucketSettingRows.rows());
  }

  /** The buckets' and objects' own operations (the bucket settings: {@link BucketSettingRows}). */
  private static Stream<Row> objectAndBucketRows() {
    Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    return Stream.of(
        new Row("ListBuckets", "s3:ListAllMyBuckets", s3 -> s3.listBuckets()),
        new Row(
            "CreateBucket",
            "s3:CreateBucket",
            s3 -> s3.createBucket(b -> b.bucket(unique("made")))),
        new Row("DeleteBucket", "s3:DeleteBucket", s3 -> s3.deleteBucket(b -> b.bucket(BUCKET))),
        new Row("HeadBucket", "s3:ListBucket", s3 -> s3.headBucket(b -> b.bucket(BUCKET))),
        new Row("ListObjects", "s3:ListBucket", s3 -> s3.listObjects(b -> b.bucket(BUCKET))),
        new Row("ListObjectsV2", "s3:ListBucket", s3 -> s3.listObjectsV2(b -> b.bucket(BUCKET))),
        new Row(
            "ListObjectVersions",
            "s3:ListBucketVersions",
            s3 -> s3.listObjectVersions(b -> b.bucket(BUCKET))),
        new Row(
            "ListMultipartUploads",
            "s3:ListBucketMultipartUploads",
            s3 -> s3.listMultipartUploads(b -> b.bucket(BUCKET))),
        new Row(
            "GetBucketLocation",
            "s3:GetBucketLocation",
            s3 -> s3.getBucketLocation(b -> b.bucket(BUCKET))),
        new Row("PostObject", "s3:PutObject", ActionTableIT::postObject),
        new Row(
            "PutObject",
            "s3:PutObject",
            s3 ->
                s3.putObject(
                    b -> b.bucket(BUCKET).key(unique("put")), RequestBody.fromString("x"))),
        new Row(
            "GetObject",
            "s3:GetObject",
            s3 -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("obj"))),
        new Row(
            "HeadObject", "s3:GetObject", s3 -> s3.headObject(b -> b.bucket(BUCKET).key("obj"))),
        new Row(
            "GetObject (versionId)",
            "s3:GetObjectVersion",
            s3 -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("obj").versionId(versionId))),
        new Row(
            "HeadObject (versionId)",
            "s3:GetObjectVersion",
            s3 -> s3.headObject(b -> b.bucket(BUCKET).key("obj").versionId(versionId))),
        new Row(
            "DeleteObject",
            "s3:DeleteObject",
            s3 -> s3.deleteObject(b -> b.bucket(BUCKET).key(unique("gone")))),
        new Row(
            "DeleteObject (versionId)",
            "s3:DeleteObjectVersion",
            s3 -> {
              String version =
                  alice
                      .putObject(b -> b.bucket(BUCKET).key("doomed"), RequestBody.fromString("d"))
                      .versionId();
              s3.deleteObject(b -> b.bucket(BUCKET).key("doomed").versionId(version));
            }),
        new Row(
            "DeleteObjects",
            "s3:DeleteObject",
            s3 -> {
              DeleteObjectsResponse response =
                  s3.deleteObjects(
                      b -> b.bucket(BUCKET).delete(d -> d.objects(o -> o.key(unique("batch")))));
              // a refused key is reported in the answer, with the status of a refused request
              response
                  .errors()
                  .forEach(
                      e -> {
                        throw S3Exception.builder().statusCode(403).message(e.code()).build();
                      });
            }),
        new Row(
            "CopyObject (source)",
            Set.of("s3:GetObject", "s3:PutObject"),
            "s3:GetObject",
            ActionTableIT::copy),
        new Row(
            "CopyObject (target)",
            Set.of("s3:GetObject", "s3:PutObject"),
            "s3:PutObject",
            ActionTableIT::copy),
        new Row(
            "UploadPartCopy (source)",
            Set.of("s3:GetObject", "s3:PutObject"),
            "s3:GetObject",
            ActionTableIT::uploadPartCopy),
        new Row(
            "UploadPartCopy (target)",
            Set.of("s3:GetObject", "s3:PutObject"),
            "s3:PutObject",
            ActionTableIT::uploadPartCopy),
        new Row(
            "CreateMultipartUpload",
            "s3:PutObject",
            s3 -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key(unique("mp")))),
        new Row(
            "UploadPart",
            "s3:PutObject",
            s3 -> {
              String id = upload();
              s3.uploadPart(
                  b -> b.bucket(BUCKET).key("mp").uploadId(id).partNumber(1),
                  RequestBody.fromString("part"));
            }),
        new Row(
            "CompleteMultipartUpload",
            "s3:PutObject",
            s3 -> {
              String id = upload();
              String etag =
                  alice
                      .uploadPart(
                          b -> b.bucket(BUCKET).key("mp").uploadId(id).partNumber(1),
                          RequestBody.fromString("part"))
                      .eTag();
              s3.completeMultipartUpload(
                  b ->
                      b.bucket(BUCKET)
                          .key("mp")
                          .uploadId(id)
                          .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
            }),
        new Row(
            "AbortMultipartUpload",
            "s3:AbortMultipartUpload",
            s3 -> {
              String id = upload();
              s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("mp").uploadId(id));
            }),
        new Row(
            "ListParts",
            "s3:ListMultipartUploadParts",
            s3 -> {
              String id = upload();
              s3.listParts(b -> b.bucket(BUCKET).key("mp").uploadId(id));
            }),
        new Row(
            "GetObjectRetention",
            "s3:GetObjectRetention",
            s3 -> catchNoSuch(() -> s3.getObjectRetention(b -> b.bucket(BUCKET).key("obj")))),
        new Row(
            "PutObjectRetention",
            "s3:PutObjectRetention",
            s3 ->
                s3.putObjectRetention(
                    b ->
                        b.bucket(BUCKET)
                            .key(unique("retained"))
                            .retention(
                                r ->
                                    r.mode(ObjectLockRetentionMode.GOVERNANCE)
                                        .retainUntilDate(until)))),
        new Row(
            "GetObjectLegalHold",
            "s3:GetObjectLegalHold",
            s3 -> catchNoSuch(() -> s3.getObjectLegalHold(b -> b.bucket(BUCKET).key("obj")))),
        new Row(
            "PutObjectLegalHold",
            "s3:PutObjectLegalHold",
            s3 ->
                s3.putObjectLegalHold(
                    b ->
                        b.bucket(BUCKET)
                            .key("obj")
                            .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)))),
        new Row(
            "GetObjectAcl",
            "s3:GetObjectAcl",
            s3 -> s3.getObjectAcl(b -> b.bucket(BUCKET).key("obj"))),
        new Row(
            "PutObjectAcl",
            "s3:PutObjectAcl",
            s3 -> s3.putObjectAcl(b -> b.bucket(BUCKET).key("obj").acl("private"))),
        new Row(
            "GetObjectAcl (versionId)",
            "s3:GetObjectVersionAcl",
            s3 -> s3.getObjectAcl(b -> b.bucket(BUCKET).key("obj").versionId(versionId))),
        new Row(
            "GetObjectAttributes (read)",
            Set.of("s3:GetObject", "s3:GetObjectAttributes"),
            "s3:GetObject",
            ActionTableIT::objectAttributes),
        new Row(
            "GetObjectAttributes (attributes)",
            Set.of("s3:GetObject", "s3:GetObjectAttributes"),
            "s3:GetObjectAttributes",
            ActionTableIT::objectAttributes),
        new Row(
            "GetObjectAttributes (versionId, read)",
            Set.of("s3:GetObjectVersion", "s3:GetObjectVersionAttributes"),
            "s3:GetObjectVersion",
            ActionTableIT::versionAttributes),
        new Row(
            "GetObjectAttributes (versionId, attributes)",
            Set.of("s3:GetObjectVersion", "s3:GetObjectVersionAttributes"),
            "s3:GetObjectVersionAttributes",
            ActionTableIT::versionAttributes),
        new Row(
            "PutObjectAcl (versionId)",
            "s3:PutObjectVersionAcl",
            s3 ->
                s3.putObjectAcl(
                    b -> b.bucket(BUCKET).key("obj").versionId(versionId).acl("private"))),
        new Row(
            "GetObjectTagging",
            "s3:GetObjectTagging",
            s3 -> s3.getObjectTagging(b -> b.bucket(BUCKET).key("obj"))),
        new Row(
            "PutObjectTagging",
            "s3:PutObjectTagging",
            s3 ->
                s3.putObjectTagging(
                    b -> b.bucket(BUCKET).key("obj").tagging(t -> t.tagSet(List.of())))),
        new Row(
            "DeleteObjectTagging",
            "s3:DeleteObjectTagging",
            s3 -> s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("obj"))),
        new Row(
            "GetObjectTagging (versionId)",
            "s3:GetObjectVersionTagging",
            s3 -> s3.getObjectTagging(b -> b.bucket(BUCKET).key("obj").versionId(versionId))),
        new Row(
            "PutObjectTagging (versionId)",
            "s3:PutObjectVersionTagging",
            s3 ->
                s3.putObjectTagging(
                    b ->
                        b.bucket(BUCKET)
                            .key("obj")
                            .versionId(versionId)
                            .tagging(t -> t.tagSet(List.of())))),
        new Row(
            "DeleteObjectTagging (versionId)",
            "s3:DeleteObjectVersionTagging",
            s3 -> s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("obj").versionId(versionId))));
  }

  /** A browser form upload signed with the client's credential (the SDK has no POST Object). */
  private static void postObject(S3Client s3) {
    AwsCredentialsIdentity keys =
        s3.serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
    try {
      HttpResponse<String> posted =
          FormUpload.fields("key", "posted")
              .signV4(
                  keys.accessKeyId(),
                  keys.secretAccessKey(),
                  "us-east-1",
                  Instant.now(),
                  "[\"starts-with\",\"$key\",\"\"]")
              .post(coffer.s3Uri(), BUCKET, new byte[1]);
      if (posted.statusCode() >= 300) {
        throw (S3Exception)
            S3Exception.builder().statusCode(posted.statusCode()).message(posted.body()).build();
      }
    } catch (S3Exception e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(S3Client s3) {
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("obj")
                .destinationBucket(BUCKET)
                .destinationKey(unique("copy")));
  }

  private static void uploadPartCopy(S3Client s3) {
    String id = upload();
    s3.uploadPartCopy(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("obj")
                .destinationBucket(BUCKET)
                .destinationKey("mp")
                .uploadId(id)
                .partNumber(1));
  }

  /** Runs a call whose answer may be a 404 (nothing set): what matters is that it is not a 403. */
  static void catchNoSuch(Runnable call) {
    try {
      call.run();
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
    }
  }

  private static String policy(String statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}";
  }

  private static String quoted(Set<String> actions) {
    return actions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  private static final String EVERYWHERE = "[\"arn:aws:s3:::*\", \"*\"]";

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theRowsActionsAreEnough(Row row) {
    String name = "only-" + Long.toHexString(System.nanoTime());
    identities.policy(
        name,
        policy(
            "{\"Effect\": \"Allow\", \"Action\": "
                + quoted(row.actions())
                + ", \"Resource\": "
                + EVERYWHERE
                + "}"));
    Credential credential = identities.credential(name);
    identities.attach(credential, name);
    try (S3Client client = identities.client(credential)) {
      S3Exception refused =
          catchThrowableOfType(S3Exception.class, () -> row.call().accept(client));
      if (refused != null) {
        assertThat(refused.statusCode()).as(refused.getMessage()).isNotEqualTo(403);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void denyingTheRowsActionRefusesIt(Row row) {
    String name = "all-but-" + Long.toHexString(System.nanoTime());
    identities.policy(
        name,
        policy(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": "
                + EVERYWHERE
                + "}, {\"Effect\": \"Deny\", \"Action\": \""
                + row.deniedAction()
                + "\", \"Resource\": "
                + EVERYWHERE
                + "}"));
    Credential credential = identities.credential(name);
    identities.attach(credential, name);
    try (S3Client client = identities.client(credential)) {
      S3Exception refused =
          catchThrowableOfType(S3Exception.class, () -> row.call().accept(client));
      assertThat(refused).as("refused").isNotNull();
      assertThat(refused.statusCode()).isEqualTo(403);
    }
  }
}
