package io.coffer.s3.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostPolicyTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  static String encode(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static PostPolicy policy(String conditions) {
    return PostPolicy.parse(
        encode(
            "{\"expiration\":\"2026-06-01T13:00:00.000Z\",\"conditions\":[" + conditions + "]}"));
  }

  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private static void assertDenied(Runnable check, String message) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
              assertThat(e.getMessage()).isEqualTo("Invalid according to Policy: " + message);
            });
  }

  private static void assertInvalid(String base64, String message) {
    assertThatThrownBy(() -> PostPolicy.parse(base64))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY_DOCUMENT);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void aFormMeetingEveryConditionPasses() {
    PostPolicy policy =
        policy(
            "{\"bucket\":\"photos\"},[\"starts-with\",\"$key\",\"user/\"],"
                + "[\"eq\",\"$Content-Type\",\"image/png\"],{\"acl\":\"private\"},"
                + "[\"starts-with\",\"$x-amz-meta-tag\",\"\"],[\"content-length-range\",1,\"1024\"]");
    assertThat(policy.lengthRange()).isEqualTo(new PostPolicy.LengthRange(1, 1024));
    Map<String, String> form =
        fields(
            "key", "user/${filename}",
            "content-type", "image/png",
            "acl", "private",
            "x-amz-meta-tag", "anything",
            "policy", "…",
            "x-amz-signature", "…",
            "x-ignore-me", "free");
    assertThatCode(() -> policy.check(form, "photos", NOW)).doesNotThrowAnyException();
  }

  @Test
  void eachConditionIsEnforced() {
    PostPolicy policy =
        policy(
            "{\"bucket\":\"photos\"},[\"starts-with\",\"$key\",\"user/\"],[\"eq\",\"$acl\",\"private\"]");
    assertDenied(
        () -> policy.check(fields("key", "user/a", "acl", "private"), "other", NOW),
        "Policy Condition failed: [\"eq\", \"$bucket\", \"photos\"]");
    assertDenied(
        () -> policy.check(fields("key", "admin/a", "acl", "private"), "photos", NOW),
        "Policy Condition failed: [\"starts-with\", \"$key\", \"user/\"]");
    assertDenied(
        () -> policy.check(fields("key", "user/a", "acl", "public-read"), "photos", NOW),
        "Policy Condition failed: [\"eq\", \"$acl\", \"private\"]");
    // a condition on an absent field sees ""
    assertDenied(
        () -> policy.check(fields("key", "user/a"), "photos", NOW),
        "Policy Condition failed: [\"eq\", \"$acl\", \"private\"]");
  }

  @Test
  void everyFieldMustBeNamedByACondition() {
    PostPolicy policy = policy("[\"starts-with\",\"$key\",\"\"]");
    assertDenied(
        () -> policy.check(fields("key", "k", "x-amz-meta-a", "1", "acl", "x"), "b", NOW),
        "Extra input fields: x-amz-meta-a, acl");
  }

  @Test
  void anExpiredPolicyIsRefused() {
    PostPolicy policy = policy("[\"starts-with\",\"$key\",\"\"]");
    assertDenied(
        () -> policy.check(fields("key", "k"), "b", Instant.parse("2026-06-01T13:00:00Z")),
        "Policy expired.");
  }

  @Test
  void malformedDocumentsAreInvalidPolicyDocuments() {
    assertInvalid("not base64!", "Invalid Policy: Invalid Base64 encoding.");
    assertInvalid(encode("{nope"), "Invalid Policy: Invalid JSON.");
    assertInvalid(encode("{\"conditions\":[]}"), "Invalid Policy: Policy missing expiration.");
    assertInvalid(
        encode("{\"expiration\":\"tomorrow\",\"conditions\":[]}"),
        "Invalid Policy: Invalid 'expiration' value: '\"tomorrow\"'");
    assertInvalid(
        encode("{\"expiration\":\"2026-06-01T13:00:00Z\"}"),
        "Invalid Policy: Policy missing conditions.");
    assertThatThrownBy(() -> policy("[\"like\",\"$key\",\"a\"]"))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY_DOCUMENT));
    assertThatThrownBy(() -> policy("[\"content-length-range\",10,1]"))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY_DOCUMENT));
    assertThatThrownBy(() -> policy("{\"a\":\"1\",\"b\":\"2\"}"))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY_DOCUMENT));
  }

  @Test
  void theSizeRangeIsHeldWhileTheFileStreams() throws Exception {
    PostPolicy.LengthRange range = new PostPolicy.LengthRange(3, 5);
    assertThat(new SizeRangeStream(new ByteArrayInputStream(new byte[4]), range).readAllBytes())
        .hasSize(4);
    assertThatThrownBy(
            () -> new SizeRangeStream(new ByteArrayInputStream(new byte[6]), range).readAllBytes())
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENTITY_TOO_LARGE));
    assertThatThrownBy(
            () -> new SizeRangeStream(new ByteArrayInputStream(new byte[2]), range).readAllBytes())
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENTITY_TOO_SMALL));
  }
}
