package io.coffer.it.access;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.model.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;

/**
 * ACL grants allow what AWS maps them to, for anonymous callers (AllUsers), every credential
 * (AuthenticatedUsers) or one credential (its canonical ID) — while the bucket's object ownership
 * enables ACLs and the public access block does not ignore them.
 */
class AclAccessIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  static Identities identities;
  static S3Client alice;
  static Credential bob;

  @BeforeAll
  static void setUp() {
    identities = new Identities(coffer);
    alice = coffer.s3();
    bob = identities.credential("bob");
  }

  private static void put(String bucket, String key, ObjectCannedACL acl) {
    alice.putObject(b -> b.bucket(bucket).key(key).acl(acl), RequestBody.fromString(key));
  }

  @Test
  void aPublicReadObjectIsServedToAnyoneAndAPrivateOneToNobodyElse() throws Exception {
    alice.createBucket(b -> b.bucket("media"));
    put("media", "avatar.png", ObjectCannedACL.PUBLIC_READ);
    put("media", "draft.png", ObjectCannedACL.PRIVATE);
    put("media", "members.png", ObjectCannedACL.AUTHENTICATED_READ);
    var publicGet = identities.unsigned("GET", "/media/avatar.png");
    assertThat(publicGet.statusCode()).isEqualTo(200);
    assertThat(publicGet.body()).isEqualTo("avatar.png");
    assertThat(identities.unsigned("GET", "/media/draft.png").statusCode()).isEqualTo(403);
    assertThat(identities.unsigned("GET", "/media/members.png").statusCode()).isEqualTo(403);
    // a public object does not make the bucket listable, nor writable
    assertThat(identities.unsigned("GET", "/media?list-type=2").statusCode()).isEqualTo(403);
    assertThat(identities.unsigned("DELETE", "/media/avatar.png").statusCode()).isEqualTo(403);
    try (S3Client asBob = identities.client(bob)) {
      assertThat(asBob.getObjectAsBytes(b -> b.bucket("media").key("members.png")).asUtf8String())
          .isEqualTo("members.png");
      asBob.headObject(b -> b.bucket("media").key("avatar.png"));
      assertS3Error(
          403, "AccessDenied", () -> asBob.getObject(b -> b.bucket("media").key("draft.png")));
      // who may not list learns nothing of a key's absence
      assertS3Error(
          403, "AccessDenied", () -> asBob.getObject(b -> b.bucket("media").key("absent")));
    }
  }

  @Test
  void aGrantToOneCredentialReachesThatCredentialOnly() throws Exception {
    alice.createBucket(b -> b.bucket("granted"));
    put("granted", "report.pdf", ObjectCannedACL.PRIVATE);
    alice.putObjectAcl(
        b -> b.bucket("granted").key("report.pdf").grantRead("id=\"" + bob.id() + "\""));
    try (S3Client asBob = identities.client(bob)) {
      assertThat(asBob.getObjectAsBytes(b -> b.bucket("granted").key("report.pdf")).asUtf8String())
          .isEqualTo("report.pdf");
      assertS3Error(
          403,
          "AccessDenied",
          () -> asBob.getObjectAcl(b -> b.bucket("granted").key("report.pdf")));
    }
    assertThat(identities.unsigned("GET", "/granted/report.pdf").statusCode()).isEqualTo(403);
  }

  @Test
  void aPublicReadBucketAclListsTheBucketToAnyone() throws Exception {
    alice.createBucket(b -> b.bucket("listed").acl(BucketCannedACL.PUBLIC_READ));
    put("listed", "one", ObjectCannedACL.PRIVATE);
    var listing = identities.unsigned("GET", "/listed?list-type=2");
    assertThat(listing.statusCode()).isEqualTo(200);
    assertThat(listing.body()).contains("<Key>one</Key>");
    // listing is not reading: the private object stays private
    assertThat(identities.unsigned("GET", "/listed/one").statusCode()).isEqualTo(403);
    assertThat(identities.unsigned("PUT", "/listed/new").statusCode()).isEqualTo(403);
  }

  @Test
  void ignorePublicAclsAndBucketOwnerEnforcedSwitchGrantsOff() throws Exception {
    alice.createBucket(b -> b.bucket("switched"));
    put("switched", "a", ObjectCannedACL.PUBLIC_READ);
    put("switched", "b", ObjectCannedACL.PUBLIC_READ);
    assertThat(identities.unsigned("GET", "/switched/a").statusCode()).isEqualTo(200);
    alice.putPublicAccessBlock(
        b -> b.bucket("switched").publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
    assertThat(identities.unsigned("GET", "/switched/a").statusCode()).isEqualTo(403);
    alice.deletePublicAccessBlock(b -> b.bucket("switched"));
    assertThat(identities.unsigned("GET", "/switched/b").statusCode()).isEqualTo(200);
    alice.putBucketOwnershipControls(
        b ->
            b.bucket("switched")
                .ownershipControls(
                    c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
    assertThat(identities.unsigned("GET", "/switched/b").statusCode()).isEqualTo(403);
    assertThat(alice.getObjectAsBytes(b -> b.bucket("switched").key("b")).asUtf8String())
        .isEqualTo("b");
  }

  @Test
  void aPublicReadWriteBucketTakesAnonymousUploads() throws Exception {
    alice.createBucket(b -> b.bucket("dropbox").acl(BucketCannedACL.PUBLIC_READ_WRITE));
    try (S3Client anonymous = identities.anonymous()) {
      anonymous.putObject(b -> b.bucket("dropbox").key("upload"), RequestBody.fromString("up"));
    }
    assertThat(alice.getObjectAsBytes(b -> b.bucket("dropbox").key("upload")).asUtf8String())
        .isEqualTo("up");
    // an anonymous body is checked against the hash it claims, as a signed one
    var mismatch =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(coffer.s3Uri() + "/dropbox/claimed"))
                    .header("x-amz-content-sha256", RawS3.sha256Hex(RawS3.utf8("other")))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("sent"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(mismatch)).isEqualTo("XAmzContentSHA256Mismatch");
    assertS3Error(
        404, "NoSuchKey", () -> alice.headObject(b -> b.bucket("dropbox").key("claimed")));
  }
}
