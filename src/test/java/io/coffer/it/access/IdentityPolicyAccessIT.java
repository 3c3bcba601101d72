package io.coffer.it.access;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.model.Credential;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * Identity policies, attached to a credential or to its groups, let it reach buckets it does not
 * own, as far as they allow; a Deny in any of them wins; a credential without policies keeps to its
 * own buckets.
 */
class IdentityPolicyAccessIT {
  @RegisterExtension
  static final CofferTestServer coffer = CofferTestServer.withBuckets("team", "reports", "homes");

  static Identities identities;
  static S3Client alice;

  @BeforeAll
  static void setUp() {
    identities = new Identities(coffer);
    alice = coffer.s3();
    for (String key : List.of("public/a", "private/b")) {
      alice.putObject(b -> b.bucket("team").key(key), RequestBody.fromString(key));
    }
    alice.putObject(b -> b.bucket("reports").key("q1"), RequestBody.fromString("q1"));
  }

  private static String allow(String actions, String resources) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        + actions
        + ", \"Resource\": "
        + resources
        + "}]}";
  }

  @Test
  void aPolicyForOnePrefixReachesThatPrefixOnly() {
    Credential reader = identities.credential("prefix-reader");
    identities.policy(
        "team-public-read", allow("[\"s3:GetObject\"]", "[\"arn:aws:s3:::team/public/*\"]"));
    try (S3Client client = identities.client(reader)) {
      assertS3Error(
          403, "AccessDenied", () -> client.getObject(b -> b.bucket("team").key("public/a")));
      identities.attach(reader, "team-public-read");
      assertThat(client.getObjectAsBytes(b -> b.bucket("team").key("public/a")).asUtf8String())
          .isEqualTo("public/a");
      assertS3Error(
          403, "AccessDenied", () -> client.getObject(b -> b.bucket("team").key("private/b")));
      assertS3Error(
          403,
          "AccessDenied",
          () ->
              client.putObject(b -> b.bucket("team").key("public/x"), RequestBody.fromString("x")));
      assertS3Error(403, "AccessDenied", () -> client.listObjectsV2(b -> b.bucket("team")));
    }
  }

  /** AWS: a copy that keeps the source's tags needs s3:GetObjectTagging on the source too. */
  @Test
  void aCopyKeepingTheSourcesTagsNeedsGetObjectTagging() {
    coffer
        .s3()
        .putObject(
            b -> b.bucket("team").key("tags/source").tagging("secret=42"),
            RequestBody.fromString("t"));
    Credential copier = identities.credential("copier");
    identities.policy(
        "team-copy", allow("[\"s3:GetObject\", \"s3:PutObject\"]", "[\"arn:aws:s3:::team/*\"]"));
    identities.attach(copier, "team-copy");
    try (S3Client client = identities.client(copier)) {
      assertS3Error(
          403,
          "AccessDenied",
          () ->
              client.copyObject(
                  b ->
                      b.sourceBucket("team")
                          .sourceKey("tags/source")
                          .destinationBucket("team")
                          .destinationKey("copies/kept")));
      client.copyObject(
          b ->
              b.sourceBucket("team")
                  .sourceKey("tags/source")
                  .destinationBucket("team")
                  .destinationKey("copies/replaced")
                  .taggingDirective("REPLACE"));
      identities.policy(
          "team-copy-tags", allow("[\"s3:GetObjectTagging\"]", "[\"arn:aws:s3:::team/*\"]"));
      identities.attach(copier, "team-copy", "team-copy-tags");
      client.copyObject(
          b ->
              b.sourceBucket("team")
                  .sourceKey("tags/source")
                  .destinationBucket("team")
                  .destinationKey("copies/kept"));
    }
    assertThat(coffer.s3().getObjectTagging(b -> b.bucket("team").key("copies/kept")).tagSet())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("secret=42");
  }

  @Test
  void groupsGiveTheirMembersTheirPoliciesAndADenyInAnyPolicyWins() {
    Credential member = identities.credential("writer");
    Credential outsider = identities.credential("outsider");
    identities.policy(
        "reports-rw",
        allow("[\"s3:*\"]", "[\"arn:aws:s3:::reports\", \"arn:aws:s3:::reports/*\"]"));
    identities.policy(
        "no-deletes",
        "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\":"
            + " \"s3:Delete*\", \"Resource\": \"*\"}}");
    identities.group("report-writers", List.of(member), "reports-rw");
    identities.attach(member, "no-deletes");
    try (S3Client client = identities.client(member);
        S3Client other = identities.client(outsider)) {
      client.putObject(b -> b.bucket("reports").key("q2"), RequestBody.fromString("q2"));
      assertThat(client.listObjectsV2(b -> b.bucket("reports")).contents()).hasSize(2);
      assertS3Error(
          403, "AccessDenied", () -> client.deleteObject(b -> b.bucket("reports").key("q1")));
      assertS3Error(403, "AccessDenied", () -> other.getObject(b -> b.bucket("reports").key("q1")));
      assertThat(client.listBuckets().buckets())
          .extracting(Bucket::name)
          .contains("reports")
          .doesNotContain("team");
      assertThat(other.listBuckets().buckets()).extracting(Bucket::name).doesNotContain("reports");
    }
    alice.headObject(b -> b.bucket("reports").key("q1"));
  }

  @Test
  void policyVariablesGiveEachUserTheirOwnHome() {
    Credential dana = identities.credential("dana");
    Credential eve = identities.credential("eve");
    identities.policy(
        "own-home",
        allow(
            "[\"s3:GetObject\", \"s3:PutObject\"]", "[\"arn:aws:s3:::homes/${aws:username}/*\"]"));
    identities.attach(dana, "own-home");
    identities.attach(eve, "own-home");
    try (S3Client asDana = identities.client(dana);
        S3Client asEve = identities.client(eve)) {
      asDana.putObject(b -> b.bucket("homes").key("dana/notes"), RequestBody.fromString("d"));
      assertS3Error(
          403,
          "AccessDenied",
          () ->
              asEve.putObject(
                  b -> b.bucket("homes").key("dana/notes"), RequestBody.fromString("e")));
      assertS3Error(
          403, "AccessDenied", () -> asEve.getObject(b -> b.bucket("homes").key("dana/notes")));
      asEve.putObject(b -> b.bucket("homes").key("eve/notes"), RequestBody.fromString("e"));
    }
    assertThat(alice.getObjectAsBytes(b -> b.bucket("homes").key("dana/notes")).asUtf8String())
        .isEqualTo("d");
  }

  @Test
  void aCredentialWithoutPoliciesKeepsToItsOwnBuckets() {
    Credential plain = identities.credential("plain");
    try (S3Client client = identities.client(plain)) {
      client.createBucket(b -> b.bucket("plain-own"));
      client.putObject(b -> b.bucket("plain-own").key("k"), RequestBody.fromString("v"));
      assertThat(client.listBuckets().buckets())
          .extracting(Bucket::name)
          .containsExactly("plain-own");
      assertS3Error(
          403, "AccessDenied", () -> client.getObject(b -> b.bucket("team").key("public/a")));
    }
  }

  @Test
  void aServiceAccountActsWithItsParentsRightsNarrowedByItsOwnPolicy() {
    Credential parent = identities.credential("parent");
    identities.policy(
        "team-all", allow("[\"s3:*\"]", "[\"arn:aws:s3:::team\", \"arn:aws:s3:::team/*\"]"));
    identities.attach(parent, "team-all");
    try (S3Client asParent = identities.client(parent)) {
      asParent.createBucket(b -> b.bucket("parent-own"));
    }
    var reply =
        identities
            .api()
            .send(
                "POST",
                "/credentials",
                "{\"user_name\": \"ci-job\", \"parent_id\": "
                    + parent.id()
                    + ", \"policy\": "
                    + allow(
                        "[\"s3:GetObject\"]",
                        "[\"arn:aws:s3:::team/public/*\", \"arn:aws:s3:::parent-own/*\"]")
                    + "}");
    assertThat(reply.status()).as(reply.http().body()).isBetween(200, 201);
    String accessKey = reply.json().get("access_key").asString();
    String secretKey = reply.json().get("secret_key").asString();
    try (S3Client job = coffer.client(accessKey, secretKey)) {
      assertThat(job.getObjectAsBytes(b -> b.bucket("team").key("public/a")).asUtf8String())
          .isEqualTo("public/a");
      assertS3Error(
          403, "AccessDenied", () -> job.getObject(b -> b.bucket("team").key("private/b")));
      assertS3Error(
          403,
          "AccessDenied",
          () -> job.putObject(b -> b.bucket("parent-own").key("x"), RequestBody.fromString("x")));
      // its own policy does not grant s3:ListBucket, so it does not learn the key is absent
      assertS3Error(
          403, "AccessDenied", () -> job.getObject(b -> b.bucket("parent-own").key("absent")));
    }
  }
}
