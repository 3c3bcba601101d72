package io.coffer.it.access;

import static io.coffer.it.support.RawS3.errorCode;
import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.model.Credential;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Bucket policies decide who besides the owner may do what: anonymous callers through {@code "*"},
 * single credentials by user ARN, access key or canonical ID; an explicit Deny beats even the
 * owner; conditions read the request.
 */
class BucketPolicyAccessIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  static Identities identities;
  static S3Client alice;
  static Credential bob;
  static Credential carol;

  @BeforeAll
  static void setUp() {
    identities = new Identities(coffer);
    alice = coffer.s3();
    bob = identities.credential("bob");
    carol = identities.credential("carol");
  }

  private static void bucketWith(String bucket, String policy, String... keys) {
    alice.createBucket(b -> b.bucket(bucket));
    for (String key : keys) {
      alice.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("body of " + key));
    }
    alice.putBucketPolicy(b -> b.bucket(bucket).policy(policy));
  }

  private static String statement(String effect, String principal, String action, String resource) {
    return statement(effect, principal, action, resource, null);
  }

  private static String statement(
      String effect, String principal, String action, String resource, String condition) {
    return "{\"Effect\": \""
        + effect
        + "\", \"Principal\": "
        + principal
        + ", \"Action\": "
        + action
        + ", \"Resource\": "
        + resource
        + (condition == null ? "" : ", \"Condition\": " + condition)
        + "}";
  }

  private static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
  }

  @Test
  void aPublicReadPolicyForAPrefixServesAnonymousReadsOfThatPrefixAndNothingElse()
      throws Exception {
    bucketWith(
        "site",
        policy(statement("Allow", "\"*\"", "\"s3:GetObject\"", "\"arn:aws:s3:::site/public/*\"")),
        "public/a.txt",
        "private/b.txt");
    HttpResponse<String> get = identities.unsigned("GET", "/site/public/a.txt");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("body of public/a.txt");
    assertThat(identities.unsigned("HEAD", "/site/public/a.txt").statusCode()).isEqualTo(200);
    try (S3Client anonymous = identities.anonymous()) {
      assertThat(
              anonymous.getObjectAsBytes(b -> b.bucket("site").key("public/a.txt")).asUtf8String())
          .isEqualTo("body of public/a.txt");
      assertS3Error(
          403,
          "AccessDenied",
          () -> anonymous.getObject(b -> b.bucket("site").key("private/b.txt")));
      assertS3Error(403, "AccessDenied", () -> anonymous.listObjectsV2(b -> b.bucket("site")));
      assertS3Error(
          403,
          "AccessDenied",
          () ->
              anonymous.putObject(
                  b -> b.bucket("site").key("public/new.txt"), RequestBody.fromString("x")));
      assertS3Error(
          403,
          "AccessDenied",
          () -> anonymous.deleteObject(b -> b.bucket("site").key("public/a.txt")));
      assertS3Error(403, "AccessDenied", anonymous::listBuckets);
    }
    assertS3Error(
        404, "NoSuchKey", () -> alice.headObject(b -> b.bucket("site").key("public/new.txt")));
    alice.headObject(b -> b.bucket("site").key("public/a.txt"));
  }

  @Test
  void aMissingKeyIsAccessDeniedToWhoMayNotListAndNoSuchKeyToWhoMay() throws Exception {
    bucketWith(
        "listing",
        policy(
            statement("Allow", "\"*\"", "\"s3:GetObject\"", "\"arn:aws:s3:::listing/*\""),
            statement(
                "Allow",
                "{\"AWS\": \"" + bob.accessKey() + "\"}",
                "\"s3:ListBucket\"",
                "\"arn:aws:s3:::listing\"")));
    HttpResponse<String> anonymous = identities.unsigned("GET", "/listing/absent");
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(errorCode(anonymous)).isEqualTo("AccessDenied");
    try (S3Client asBob = identities.client(bob)) {
      assertS3Error(
          404, "NoSuchKey", () -> asBob.getObject(b -> b.bucket("listing").key("absent")));
      assertThat(asBob.listObjectsV2(b -> b.bucket("listing")).keyCount()).isZero();
    }
  }

  @Test
  void listingIsGrantedForOnePrefixByAnS3PrefixCondition() throws Exception {
    bucketWith(
        "catalog",
        policy(
            statement(
                "Allow",
                "{\"AWS\": \"*\"}",
                "\"s3:ListBucket\"",
                "\"arn:aws:s3:::catalog\"",
                "{\"StringLike\": {\"s3:prefix\": \"public/*\"}}")),
        "public/one",
        "secret/two");
    HttpResponse<String> allowed =
        identities.unsigned("GET", "/catalog?list-type=2&prefix=public/");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).contains("<Key>public/one</Key>").doesNotContain("secret/two");
    HttpResponse<String> refused = identities.unsigned("GET", "/catalog?list-type=2");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(errorCode(refused)).isEqualTo("AccessDenied");
  }

  @Test
  void aPolicyNamingOneUserGrantsThatUserAndNobodyElse() {
    bucketWith(
        "shared",
        policy(
            statement(
                "Allow",
                "{\"AWS\": \"arn:aws:iam::123456789012:user/bob\"}",
                "[\"s3:GetObject\", \"s3:PutObject\"]",
                "\"arn:aws:s3:::shared/*\""),
            statement(
                "Allow",
                "{\"CanonicalUser\": \"" + carol.id() + "\"}",
                "\"s3:GetObject\"",
                "\"arn:aws:s3:::shared/carol/*\"")),
        "doc.txt",
        "carol/note.txt");
    try (S3Client asBob = identities.client(bob);
        S3Client asCarol = identities.client(carol)) {
      assertThat(asBob.getObjectAsBytes(b -> b.bucket("shared").key("doc.txt")).asUtf8String())
          .isEqualTo("body of doc.txt");
      asBob.putObject(b -> b.bucket("shared").key("from-bob"), RequestBody.fromString("hi"));
      assertS3Error(
          403, "AccessDenied", () -> asBob.deleteObject(b -> b.bucket("shared").key("doc.txt")));
      assertThat(
              asCarol
                  .getObjectAsBytes(b -> b.bucket("shared").key("carol/note.txt"))
                  .asUtf8String())
          .isEqualTo("body of carol/note.txt");
      assertS3Error(
          403, "AccessDenied", () -> asCarol.getObject(b -> b.bucket("shared").key("doc.txt")));
      assertS3Error(
          403,
          "AccessDenied",
          () -> asCarol.putObject(b -> b.bucket("shared").key("x"), RequestBody.fromString("x")));
    }
    assertThat(alice.getObjectAsBytes(b -> b.bucket("shared").key("from-bob")).asUtf8String())
        .isEqualTo("hi");
  }

  @Test
  void anExplicitDenyBeatsEvenTheOwner() {
    bucketWith(
        "guarded",
        policy(
            statement("Deny", "\"*\"", "\"s3:DeleteObject\"", "\"arn:aws:s3:::guarded/keep/*\"")),
        "keep/forever",
        "scratch/tmp");
    assertS3Error(
        403,
        "AccessDenied",
        () -> alice.deleteObject(b -> b.bucket("guarded").key("keep/forever")));
    alice.headObject(b -> b.bucket("guarded").key("keep/forever"));
    alice.deleteObject(b -> b.bucket("guarded").key("scratch/tmp"));
  }

  @Test
  void sourceIpConditionsReadTheClientsAddress() throws Exception {
    bucketWith(
        "by-address",
        policy(
            statement(
                "Allow",
                "\"*\"",
                "\"s3:GetObject\"",
                "\"arn:aws:s3:::by-address/local/*\"",
                "{\"IpAddress\": {\"aws:SourceIp\": \"127.0.0.0/8\"}}"),
            statement(
                "Allow",
                "\"*\"",
                "\"s3:GetObject\"",
                "\"arn:aws:s3:::by-address/office/*\"",
                "{\"IpAddress\": {\"aws:SourceIp\": \"192.0.2.0/24\"}}"),
            statement(
                "Deny",
                "\"*\"",
                "\"s3:GetObject\"",
                "\"arn:aws:s3:::by-address/outside/*\"",
                "{\"NotIpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}")),
        "local/a",
        "office/b",
        "outside/c");
    assertThat(identities.unsigned("GET", "/by-address/local/a").statusCode()).isEqualTo(200);
    assertThat(identities.unsigned("GET", "/by-address/office/b").statusCode()).isEqualTo(403);
    assertS3Error(
        403, "AccessDenied", () -> alice.getObject(b -> b.bucket("by-address").key("outside/c")));
  }

  @Test
  void aPresignedUrlCarriesItsSignersRights() throws Exception {
    bucketWith(
        "handout",
        policy(
            statement(
                "Allow",
                "{\"AWS\": \"" + bob.accessKey() + "\"}",
                "\"s3:GetObject\"",
                "\"arn:aws:s3:::handout/bob/*\"")),
        "bob/granted",
        "other/refused");
    try (S3Presigner presigner =
        S3Presigner.builder()
            .endpointOverride(coffer.s3Uri())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(bob.accessKey(), bob.secretKey())))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .build()) {
      String granted =
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .getObjectRequest(g -> g.bucket("handout").key("bob/granted")))
              .url()
              .toString();
      String refused =
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .getObjectRequest(g -> g.bucket("handout").key("other/refused")))
              .url()
              .toString();
      HttpResponse<String> ok = io.coffer.it.support.RawS3.sendUrl("GET", granted, new byte[0]);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("body of bob/granted");
      HttpResponse<String> denied = io.coffer.it.support.RawS3.sendUrl("GET", refused, new byte[0]);
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(errorCode(denied)).isEqualTo("AccessDenied");
    }
  }

  @Test
  void restrictPublicBucketsTakesAPublicPolicysGrantFromAnonymousCallersOnly() throws Exception {
    bucketWith(
        "restricted",
        policy(statement("Allow", "\"*\"", "\"s3:GetObject\"", "\"arn:aws:s3:::restricted/*\"")),
        "page.html");
    assertThat(identities.unsigned("GET", "/restricted/page.html").statusCode()).isEqualTo(200);
    alice.putPublicAccessBlock(
        b ->
            b.bucket("restricted")
                .publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
    assertThat(identities.unsigned("GET", "/restricted/page.html").statusCode()).isEqualTo(403);
    try (S3Client asBob = identities.client(bob)) {
      assertThat(
              asBob.getObjectAsBytes(b -> b.bucket("restricted").key("page.html")).asUtf8String())
          .isEqualTo("body of page.html");
    }
  }

  @Test
  void anExpectedBucketOwnerIsTheBucketsOwnerNotTheCaller() {
    bucketWith(
        "expected",
        policy(
            statement(
                "Allow",
                "{\"AWS\": \"" + bob.accessKey() + "\"}",
                "\"s3:GetObject\"",
                "\"arn:aws:s3:::expected/*\"")),
        "k");
    String aliceId =
        Long.toString(
            coffer
                .server()
                .credentials()
                .findByAccessKey(CofferTestServer.ACCESS_KEY)
                .orElseThrow()
                .id());
    try (S3Client asBob = identities.client(bob)) {
      asBob.getObject(b -> b.bucket("expected").key("k").expectedBucketOwner(aliceId));
      assertS3Error(
          403,
          "AccessDenied",
          () ->
              asBob.getObject(
                  b -> b.bucket("expected").key("k").expectedBucketOwner(Long.toString(bob.id()))));
    }
  }
}
