package io.coffer.it.access;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * ACLs over the S3 API with the AWS SDK for Java v2: canned ACLs on every write, read back with
 * GetObjectAcl and GetBucketAcl; PutObjectAcl and PutBucketAcl with headers and documents; the
 * refusals of buckets with ACLs disabled or public ACLs blocked.
 */
class AclIT {
  static final String BUCKET = "acls";
  static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
  static final String AUTHENTICATED = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;
  static String ownerId;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    ownerId = s3.listBuckets().owner().id();
  }

  /** The grants of a key's ACL as "who PERMISSION", owner first. */
  static List<String> objectGrants(String bucket, String key, String versionId) {
    return describe(s3.getObjectAcl(b -> b.bucket(bucket).key(key).versionId(versionId)).grants());
  }

  static List<String> describe(List<Grant> grants) {
    return grants.stream()
        .map(
            g ->
                (g.grantee().type() == Type.GROUP ? g.grantee().uri() : g.grantee().id())
                    + " "
                    + g.permissionAsString())
        .toList();
  }

  static void put(String key, ObjectCannedACL acl) {
    s3.putObject(b -> b.bucket(BUCKET).key(key).acl(acl), RequestBody.fromString("x"));
  }

  @Test
  void cannedAclsOnPutCopyAndMultipartReadBack() {
    put("private", ObjectCannedACL.PRIVATE);
    put("public", ObjectCannedACL.PUBLIC_READ);
    put("public-rw", ObjectCannedACL.PUBLIC_READ_WRITE);
    put("authenticated", ObjectCannedACL.AUTHENTICATED_READ);
    assertThat(objectGrants(BUCKET, "private", null)).containsExactly(ownerId + " FULL_CONTROL");
    assertThat(objectGrants(BUCKET, "public", null))
        .containsExactly(ownerId + " FULL_CONTROL", ALL_USERS + " READ");
    assertThat(objectGrants(BUCKET, "public-rw", null))
        .containsExactly(ownerId + " FULL_CONTROL", ALL_USERS + " READ", ALL_USERS + " WRITE");
    assertThat(objectGrants(BUCKET, "authenticated", null))
        .containsExactly(ownerId + " FULL_CONTROL", AUTHENTICATED + " READ");
    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("public")).owner().id())
        .isEqualTo(ownerId);

    // a copy takes the ACL its request names, never the source's
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("public")
                .destinationBucket(BUCKET)
                .destinationKey("copy-private"));
    assertThat(objectGrants(BUCKET, "copy-private", null))
        .containsExactly(ownerId + " FULL_CONTROL");
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("private")
                .destinationBucket(BUCKET)
                .destinationKey("copy-public")
                .acl(ObjectCannedACL.PUBLIC_READ));
    assertThat(objectGrants(BUCKET, "copy-public", null)).contains(ALL_USERS + " READ");

    String uploadId =
        s3.createMultipartUpload(
                b -> b.bucket(BUCKET).key("multipart").acl(ObjectCannedACL.PUBLIC_READ))
            .uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("multipart").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("part"))
            .eTag();
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("multipart")
                .uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
    assertThat(objectGrants(BUCKET, "multipart", null)).contains(ALL_USERS + " READ");
  }

  @Test
  void putObjectAclWithHeadersAndWithADocument() {
    put("changed", ObjectCannedACL.PRIVATE);
    s3.putObjectAcl(b -> b.bucket(BUCKET).key("changed").acl(ObjectCannedACL.PUBLIC_READ));
    assertThat(objectGrants(BUCKET, "changed", null)).contains(ALL_USERS + " READ");
    s3.putObjectAcl(
        b ->
            b.bucket(BUCKET)
                .key("changed")
                .grantRead("uri=\"" + AUTHENTICATED + "\"")
                .grantReadACP("id=\"" + ownerId + "\""));
    assertThat(objectGrants(BUCKET, "changed", null))
        .containsExactly(ownerId + " FULL_CONTROL", AUTHENTICATED + " READ", ownerId + " READ_ACP");
    s3.putObjectAcl(
        b ->
            b.bucket(BUCKET)
                .key("changed")
                .accessControlPolicy(
                    AccessControlPolicy.builder()
                        .owner(Owner.builder().id(ownerId).build())
                        .grants(
                            Grant.builder()
                                .grantee(Grantee.builder().type(Type.GROUP).uri(ALL_USERS).build())
                                .permission(Permission.WRITE)
                                .build())
                        .build()));
    assertThat(objectGrants(BUCKET, "changed", null))
        .containsExactly(ownerId + " FULL_CONTROL", ALL_USERS + " WRITE");

    assertS3Error(
        400,
        "UnresolvableGrantByEmailAddress",
        () ->
            s3.putObjectAcl(
                b -> b.bucket(BUCKET).key("changed").grantRead("emailAddress=\"a@example.com\"")));
    assertS3Error(
        400,
        "InvalidArgument",
        () -> s3.putObjectAcl(b -> b.bucket(BUCKET).key("changed").grantRead("id=\"999999\"")));
    assertS3Error(
        404,
        "NoSuchKey",
        () -> s3.putObjectAcl(b -> b.bucket(BUCKET).key("absent").acl(ObjectCannedACL.PRIVATE)));
    assertThat(objectGrants(BUCKET, "changed", null))
        .containsExactly(ownerId + " FULL_CONTROL", ALL_USERS + " WRITE");
  }

  @Test
  void bucketAclsOnCreateAndPut() {
    s3.createBucket(b -> b.bucket("public-bucket").acl(BucketCannedACL.PUBLIC_READ));
    assertThat(describe(s3.getBucketAcl(b -> b.bucket("public-bucket")).grants()))
        .containsExactly(ownerId + " FULL_CONTROL", ALL_USERS + " READ");
    s3.putBucketAcl(b -> b.bucket("public-bucket").acl(BucketCannedACL.PRIVATE));
    assertThat(describe(s3.getBucketAcl(b -> b.bucket("public-bucket")).grants()))
        .containsExactly(ownerId + " FULL_CONTROL");
    assertS3Error(
        400,
        "MalformedACLError",
        () ->
            s3.putBucketAcl(
                b ->
                    b.bucket("public-bucket")
                        .accessControlPolicy(AccessControlPolicy.builder().build())));
  }

  @Test
  void versionsHaveAclsOfTheirOwn() {
    s3.createBucket(b -> b.bucket("versioned-acls"));
    s3.putBucketVersioning(
        b ->
            b.bucket("versioned-acls")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    String first =
        s3.putObject(
                b -> b.bucket("versioned-acls").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("1"))
            .versionId();
    String second =
        s3.putObject(b -> b.bucket("versioned-acls").key("k"), RequestBody.fromString("2"))
            .versionId();
    assertThat(objectGrants("versioned-acls", "k", first)).contains(ALL_USERS + " READ");
    assertThat(objectGrants("versioned-acls", "k", second))
        .containsExactly(ownerId + " FULL_CONTROL");
    s3.putObjectAcl(
        b ->
            b.bucket("versioned-acls")
                .key("k")
                .versionId(first)
                .acl(ObjectCannedACL.AUTHENTICATED_READ));
    assertThat(objectGrants("versioned-acls", "k", first)).contains(AUTHENTICATED + " READ");
    assertThat(objectGrants("versioned-acls", "k", null))
        .containsExactly(ownerId + " FULL_CONTROL");
  }

  @Test
  void aBucketWithAclsDisabledRefusesAllButTheOwnersFullControl() {
    s3.createBucket(
        b -> b.bucket("enforced-acls").objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED));
    s3.putObject(b -> b.bucket("enforced-acls").key("k"), RequestBody.fromString("x"));
    assertS3Error(
        400,
        "AccessControlListNotSupported",
        () ->
            s3.putObjectAcl(
                b -> b.bucket("enforced-acls").key("k").acl(ObjectCannedACL.PUBLIC_READ)));
    assertS3Error(
        400,
        "AccessControlListNotSupported",
        () -> s3.putBucketAcl(b -> b.bucket("enforced-acls").acl(BucketCannedACL.PUBLIC_READ)));
    s3.putObjectAcl(
        b -> b.bucket("enforced-acls").key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL));
    assertThat(objectGrants("enforced-acls", "k", null)).containsExactly(ownerId + " FULL_CONTROL");
  }

  @Test
  void blockPublicAclsRefusesPublicAclsAndStoresNothing() {
    s3.createBucket(b -> b.bucket("blocked-acls"));
    s3.putPublicAccessBlock(
        b -> b.bucket("blocked-acls").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            s3.putObject(
                b -> b.bucket("blocked-acls").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")));
    assertThat(s3.listObjectsV2(b -> b.bucket("blocked-acls")).contents()).isEmpty();
    assertS3Error(
        403,
        "AccessDenied",
        () -> s3.putBucketAcl(b -> b.bucket("blocked-acls").acl(BucketCannedACL.PUBLIC_READ)));
    s3.putObject(
        b -> b.bucket("blocked-acls").key("k").acl(ObjectCannedACL.PRIVATE),
        RequestBody.fromString("x"));
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            s3.putObjectAcl(
                b -> b.bucket("blocked-acls").key("k").acl(ObjectCannedACL.AUTHENTICATED_READ)));
    assertThat(objectGrants("blocked-acls", "k", null)).containsExactly(ownerId + " FULL_CONTROL");
  }
}
