package io.coffer.policy;

import static io.coffer.fuzz.FuzzInputs.afterFirstLine;
import static io.coffer.fuzz.FuzzInputs.lines;
import static io.coffer.fuzz.FuzzInputs.wireText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the policy parser and the compiled document. Input: {@code identity} or {@code bucket} on
 * the first line, then the document. A document is either refused with a {@link
 * MalformedPolicyException} that says why, or it evaluates requests — anonymous and signed, on
 * buckets, objects and no bucket, with and without condition keys — without throwing, the same way
 * twice; and a bucket policy accepted for bucket {@code b} is a bucket policy.
 */
class PolicyDocumentFuzzTest {
  private static final Map<String, List<String>> KEYS =
      Map.of(
          ConditionKeys.SOURCE_IP,
          List.of("10.1.2.3"),
          ConditionKeys.CURRENT_TIME,
          List.of("2024-05-01T12:00:00Z"),
          ConditionKeys.EPOCH_TIME,
          List.of("1714564800"),
          ConditionKeys.SECURE_TRANSPORT,
          List.of("true"),
          ConditionKeys.USERNAME,
          List.of("alice"),
          ConditionKeys.PREFIX,
          List.of("photos/"),
          ConditionKeys.MAX_KEYS,
          List.of("1000"),
          ConditionKeys.REQUEST_OBJECT_TAG_KEYS,
          List.of("a", "b"),
          ConditionKeys.EXISTING_OBJECT_TAG + "team",
          List.of("red"));

  private static final List<PolicyRequest> REQUESTS =
      List.of(
          request(
              "s3:GetObject", "arn:aws:s3:::b/photos/cat.jpg", RequestPrincipal.ANONYMOUS, true),
          request("s3:GetObject", "arn:aws:s3:::b/photos/cat.jpg", Policies.ALICE, false),
          request("s3:ListBucket", "arn:aws:s3:::b", Policies.BOB, true),
          request("s3:PutObject", "arn:aws:s3:::b/home/alice/x", Policies.ALICE, true),
          request("s3:ListAllMyBuckets", "*", Policies.ALICE, true),
          request("s3:NotAnAction", "arn:aws:s3:::b/k", Policies.ALICE, true));

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void parseAndEvaluate(byte[] data) {
    String kindLine = lines(wireText(data)).get(0).trim();
    PolicyKind kind = kindLine.equals("bucket") ? PolicyKind.BUCKET : PolicyKind.IDENTITY;
    String json = new String(afterFirstLine(data), StandardCharsets.UTF_8);
    PolicyDocument policy;
    try {
      policy = PolicyDocument.parse(json, kind);
    } catch (MalformedPolicyException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(policy.json()).isEqualTo(json);
    boolean isPublic = policy.isPublic();
    if (kind == PolicyKind.IDENTITY) {
      assertThat(isPublic).isFalse();
    }
    for (PolicyRequest request : REQUESTS) {
      Decision decision = policy.evaluate(request);
      assertThat(decision).isNotNull().isEqualTo(policy.evaluate(request));
    }
    try {
      PolicyDocument own = PolicyDocument.parseBucketPolicy(json, "b");
      assertThat(kind).isEqualTo(PolicyKind.BUCKET);
      assertThat(own.isPublic()).isEqualTo(isPublic);
    } catch (MalformedPolicyException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  private static PolicyRequest request(
      String action, String resource, RequestPrincipal principal, boolean withKeys) {
    return new PolicyRequest(
        action,
        resource,
        principal,
        key -> withKeys ? KEYS.getOrDefault(key, List.of()) : List.of());
  }
}
