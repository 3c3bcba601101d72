package io.coffer.it.access;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.model.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Object tags in policy conditions, as AWS evaluates them: s3:ExistingObjectTag/&lt;key&gt; reads
 * the tags of the version acted on (its current tags, not those of another version), and
 * s3:RequestObjectTag/&lt;key&gt; and s3:RequestObjectTagKeys read the tags a request sets
 * (x-amz-tagging on PutObject, CopyObject with REPLACE, PutObjectTagging's document).
 */
class TagConditionsIT {
  static final String BUCKET = "tag-conditions";
  static final String BOB = "{\"AWS\": \"arn:aws:iam::123456789012:user/bob\"}";

  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  static S3Client alice;
  static S3Client bob;

  @BeforeAll
  static void setUp() {
    Identities identities = new Identities(coffer);
    alice = coffer.s3();
    Credential bobCredential = identities.credential("bob");
    bob = identities.client(bobCredential);
    alice.createBucket(b -> b.bucket(BUCKET));
    alice.putObject(
        b -> b.bucket(BUCKET).key("public.txt").tagging("classification=public"),
        RequestBody.fromString("open"));
    alice.putObject(
        b -> b.bucket(BUCKET).key("secret.txt").tagging("classification=secret"),
        RequestBody.fromString("closed"));
    alice.putObject(b -> b.bucket(BUCKET).key("untagged.txt"), RequestBody.fromString("none"));
    alice.putBucketPolicy(
        b ->
            b.bucket(BUCKET)
                .policy(
                    "{\"Version\": \"2012-10-17\", \"Statement\": ["
                        + statement(
                            "[\"s3:GetObject\", \"s3:GetObjectTagging\"]",
                            "{\"StringEquals\": {\"s3:ExistingObjectTag/classification\":"
                                + " \"public\"}}")
                        + ", "
                        + statement(
                            "\"s3:PutObject\"",
                            "{\"StringEquals\": {\"s3:RequestObjectTag/team\": \"bob\"},"
                                + " \"ForAllValues:StringEquals\": {\"s3:RequestObjectTagKeys\":"
                                + " [\"team\", \"project\"]}}")
                        + ", "
                        + statement(
                            "\"s3:PutObjectTagging\"",
                            "{\"StringEquals\": {\"s3:ExistingObjectTag/team\": \"bob\","
                                + " \"s3:RequestObjectTag/team\": \"bob\"}}")
                        + "]}"));
  }

  private static String statement(String actions, String condition) {
    return "{\"Effect\": \"Allow\", \"Principal\": "
        + BOB
        + ", \"Action\": "
        + actions
        + ", \"Resource\": \"arn:aws:s3:::"
        + BUCKET
        + "/*\", \"Condition\": "
        + condition
        + "}";
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void existingObjectTagDecidesReads() {
    assertThat(bob.getObjectAsBytes(b -> b.bucket(BUCKET).key("public.txt")).asUtf8String())
        .isEqualTo("open");
    assertThat(bob.getObjectTagging(b -> b.bucket(BUCKET).key("public.txt")).tagSet())
        .containsExactly(tag("classification", "public"));
    assertS3Error(
        403, "AccessDenied", () -> bob.getObjectAsBytes(b -> b.bucket(BUCKET).key("secret.txt")));
    assertS3Error(
        403, "AccessDenied", () -> bob.getObjectAsBytes(b -> b.bucket(BUCKET).key("untagged.txt")));
  }

  @Test
  void retaggingAnObjectChangesWhatTheConditionAllows() {
    alice.putObject(
        b -> b.bucket(BUCKET).key("flip.txt").tagging("classification=secret"),
        RequestBody.fromString("flip"));
    assertS3Error(
        403, "AccessDenied", () -> bob.getObjectAsBytes(b -> b.bucket(BUCKET).key("flip.txt")));
    alice.putObjectTagging(
        b ->
            b.bucket(BUCKET)
                .key("flip.txt")
                .tagging(t -> t.tagSet(tag("classification", "public"))));
    assertThat(bob.getObjectAsBytes(b -> b.bucket(BUCKET).key("flip.txt")).asUtf8String())
        .isEqualTo("flip");
  }

  @Test
  void requestObjectTagDecidesWrites() {
    bob.putObject(
        b -> b.bucket(BUCKET).key("bob/ok.txt").tagging("team=bob&project=x"),
        RequestBody.fromString("ok"));
    assertThat(alice.getObjectTagging(b -> b.bucket(BUCKET).key("bob/ok.txt")).tagSet())
        .containsExactly(tag("team", "bob"), tag("project", "x"));
    // no tags, another team, a tag key outside the allowed set
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            bob.putObject(b -> b.bucket(BUCKET).key("bob/none.txt"), RequestBody.fromString("x")));
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            bob.putObject(
                b -> b.bucket(BUCKET).key("bob/other.txt").tagging("team=carol"),
                RequestBody.fromString("x")));
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            bob.putObject(
                b -> b.bucket(BUCKET).key("bob/extra.txt").tagging("team=bob&cost=1"),
                RequestBody.fromString("x")));
  }

  @Test
  void aCopySetsTagsOnlyWithTheReplaceDirective() {
    bob.putObject(
        b -> b.bucket(BUCKET).key("bob/src.txt").tagging("team=bob"), RequestBody.fromString("s"));
    // the source is tagged team=bob but not classification=public: bob may not read it
    alice.putObjectTagging(
        b ->
            b.bucket(BUCKET)
                .key("bob/src.txt")
                .tagging(t -> t.tagSet(tag("classification", "public"), tag("team", "bob"))));
    bob.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("bob/src.txt")
                .destinationBucket(BUCKET)
                .destinationKey("bob/copy.txt")
                .taggingDirective(TaggingDirective.REPLACE)
                .tagging("team=bob"));
    // x-amz-tagging without REPLACE sets no tags: the condition on the request's tags fails
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            bob.copyObject(
                b ->
                    b.sourceBucket(BUCKET)
                        .sourceKey("bob/src.txt")
                        .destinationBucket(BUCKET)
                        .destinationKey("bob/copy2.txt")
                        .tagging("team=bob")));
  }

  @Test
  void putObjectTaggingReadsTheDocumentAndTheExistingTags() {
    bob.putObject(
        b -> b.bucket(BUCKET).key("bob/retag.txt").tagging("team=bob"),
        RequestBody.fromString("r"));
    bob.putObjectTagging(
        b ->
            b.bucket(BUCKET)
                .key("bob/retag.txt")
                .tagging(t -> t.tagSet(tag("team", "bob"), tag("state", "done"))));
    assertThat(alice.getObjectTagging(b -> b.bucket(BUCKET).key("bob/retag.txt")).tagSet())
        .containsExactly(tag("team", "bob"), tag("state", "done"));
    // giving the object away is refused by the request's tags
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            bob.putObjectTagging(
                b ->
                    b.bucket(BUCKET)
                        .key("bob/retag.txt")
                        .tagging(t -> t.tagSet(tag("team", "carol")))));
    // an object that is not bob's is refused by its existing tags
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            bob.putObjectTagging(
                b ->
                    b.bucket(BUCKET)
                        .key("untagged.txt")
                        .tagging(t -> t.tagSet(tag("team", "bob")))));
    assertThat(alice.getObjectTagging(b -> b.bucket(BUCKET).key("untagged.txt")).tagSet())
        .isEmpty();
  }
}
