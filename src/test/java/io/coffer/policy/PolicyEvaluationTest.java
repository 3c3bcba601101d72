package io.coffer.policy;

import static io.coffer.policy.Decision.ALLOW;
import static io.coffer.policy.Decision.DENY;
import static io.coffer.policy.Decision.NONE;
import static io.coffer.policy.Policies.ALICE;
import static io.coffer.policy.Policies.ANONYMOUS;
import static io.coffer.policy.Policies.BOB;
import static io.coffer.policy.Policies.bucketRow;
import static io.coffer.policy.Policies.get;
import static io.coffer.policy.Policies.request;
import static io.coffer.policy.Policies.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Effects, actions, resources, principals and policy variables: statements → request → decision.
 */
class PolicyEvaluationTest {
  private static final String GET_B =
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}";
  private static final String ALL = "{'Effect':'Allow','Action':'s3:*','Resource':'*'}";
  private static final String HOME =
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::home/${aws:username}/*'}";

  static Stream<Arguments> cases() {
    return Stream.of(
        // Effects
        row("an Allow that applies allows", GET_B, get("arn:aws:s3:::b/k"), ALLOW),
        row("nothing applies: no decision", GET_B, get("arn:aws:s3:::c/k"), NONE),
        row(
            "deny beats allow",
            ALL + ",{'Effect':'Deny','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/secret/*'}",
            get("arn:aws:s3:::b/secret/k"),
            DENY),
        row(
            "deny listed first still beats a later allow",
            "{'Effect':'Deny','Action':'s3:*','Resource':'*'}," + ALL,
            get("arn:aws:s3:::b/k"),
            DENY),
        row(
            "a deny elsewhere leaves the allow",
            ALL + ",{'Effect':'Deny','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/secret/*'}",
            get("arn:aws:s3:::b/public/k"),
            ALLOW),
        // Actions
        row(
            "s3:* covers any action",
            ALL,
            request("s3:PutBucketPolicy", "arn:aws:s3:::b", ALICE),
            ALLOW),
        row(
            "* covers any action",
            "{'Effect':'Allow','Action':'*','Resource':'*'}",
            request("s3:ListBucket", "arn:aws:s3:::b", ALICE),
            ALLOW),
        row(
            "s3:Get* covers GetObject",
            "{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}",
            get("arn:aws:s3:::b/k"),
            ALLOW),
        row(
            "s3:Get* does not cover PutObject",
            "{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}",
            request("s3:PutObject", "arn:aws:s3:::b/k", ALICE),
            NONE),
        row(
            "? is one character",
            "{'Effect':'Allow','Action':'s3:GetObjec?','Resource':'*'}",
            get("arn:aws:s3:::b/k"),
            ALLOW),
        row(
            "? is exactly one character",
            "{'Effect':'Allow','Action':'s3:GetObjec?','Resource':'*'}",
            request("s3:GetObjectAcl", "arn:aws:s3:::b/k", ALICE),
            NONE),
        row(
            "actions compare without regard to case",
            "{'Effect':'Allow','Action':'S3:getobject','Resource':'*'}",
            get("arn:aws:s3:::b/k"),
            ALLOW),
        row(
            "a request's action in another case",
            GET_B,
            request("S3:GETOBJECT", "arn:aws:s3:::b/k", ALICE),
            ALLOW),
        row(
            "a list of actions",
            "{'Effect':'Allow','Action':['s3:PutObject','s3:GetObject'],'Resource':'*'}",
            get("arn:aws:s3:::b/k"),
            ALLOW),
        row(
            "NotAction: others allowed",
            "{'Effect':'Allow','NotAction':'s3:DeleteObject','Resource':'*'}",
            get("arn:aws:s3:::b/k"),
            ALLOW),
        row(
            "NotAction: the named one not",
            "{'Effect':'Allow','NotAction':'s3:Delete*','Resource':'*'}",
            request("s3:DeleteObject", "arn:aws:s3:::b/k", ALICE),
            NONE),
        row(
            "Deny NotAction denies the rest",
            ALL + ",{'Effect':'Deny','NotAction':'s3:Get*','Resource':'*'}",
            request("s3:PutObject", "arn:aws:s3:::b/k", ALICE),
            DENY),
        // Resources
        row("b/* covers nested keys", GET_B, get("arn:aws:s3:::b/a/b/c"), ALLOW),
        row(
            "b/* is not the bucket itself",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:ListBucket", "arn:aws:s3:::b", ALICE),
            NONE),
        row(
            "a wildcard in the bucket name",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::logs-*'}",
            request("s3:ListBucket", "arn:aws:s3:::logs-2024", ALICE),
            ALLOW),
        row(
            "? in a key",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/v?.txt'}",
            get("arn:aws:s3:::b/v1.txt"),
            ALLOW),
        row(
            "resources are case-sensitive",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/Photos/*'}",
            get("arn:aws:s3:::b/photos/k"),
            NONE),
        row(
            "NotResource: elsewhere",
            "{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::b/private/*'}",
            get("arn:aws:s3:::b/public/k"),
            ALLOW),
        row(
            "NotResource: the named one not",
            "{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::b/private/*'}",
            get("arn:aws:s3:::b/private/k"),
            NONE),
        row("* covers ListAllMyBuckets", ALL, request("s3:ListAllMyBuckets", "*", ALICE), ALLOW),
        row(
            "arn:aws:s3:::* covers ListAllMyBuckets",
            "{'Effect':'Allow','Action':'s3:ListAllMyBuckets','Resource':'arn:aws:s3:::*'}",
            request("s3:ListAllMyBuckets", "*", ALICE),
            ALLOW),
        row(
            "a bucket ARN does not cover ListAllMyBuckets",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b'}",
            request("s3:ListAllMyBuckets", "*", ALICE),
            NONE),
        // Policy variables
        row(
            "${aws:username} is the caller's name",
            HOME,
            get("arn:aws:s3:::home/alice/k", "aws:username=alice"),
            ALLOW),
        row(
            "${aws:username}: someone else's home",
            HOME,
            get("arn:aws:s3:::home/bob/k", "aws:username=alice"),
            NONE),
        row("${aws:username} absent: matches nothing", HOME, get("arn:aws:s3:::home//k"), NONE),
        row(
            "a variable's value is literal, not a wildcard",
            HOME,
            get("arn:aws:s3:::home/abc/k", "aws:username=a*"),
            NONE),
        row(
            "a variable's default when absent",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username,"
                + " `guest`}/*'}",
            get("arn:aws:s3:::home/guest/k"),
            ALLOW),
        row(
            "${*} is a literal star",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${*}'}",
            get("arn:aws:s3:::b/*"),
            ALLOW),
        row(
            "${*} is not a wildcard",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${*}'}",
            get("arn:aws:s3:::b/x"),
            NONE),
        row(
            "variables are literal text without Version",
            "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${aws:username}'}}",
            get("arn:aws:s3:::b/${aws:username}", "aws:username=alice"),
            ALLOW),
        row(
            "variables are literal text in 2008-10-17",
            "{'Version':'2008-10-17','Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${aws:username}'}}",
            get("arn:aws:s3:::b/alice", "aws:username=alice"),
            NONE),
        // Principals (bucket policies)
        bucketRow(
            "* lets anonymous callers in",
            "{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ANONYMOUS),
            ALLOW),
        bucketRow(
            "{AWS:*} lets anonymous callers in",
            "{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ANONYMOUS),
            ALLOW),
        bucketRow(
            "a user ARN names that user",
            "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ALICE),
            ALLOW),
        bucketRow(
            "a user ARN with any account",
            "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::*:user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ALICE),
            ALLOW),
        bucketRow(
            "a user ARN: not another user",
            "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", BOB),
            NONE),
        bucketRow(
            "a user ARN: not anonymous callers",
            "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ANONYMOUS),
            NONE),
        bucketRow(
            "the account root: every credential",
            "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:root'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", BOB),
            ALLOW),
        bucketRow(
            "an account ID: every credential",
            "{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", BOB),
            ALLOW),
        bucketRow(
            "an account ID: not anonymous callers",
            "{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ANONYMOUS),
            NONE),
        bucketRow(
            "an access key",
            "{'Effect':'Allow','Principal':{'AWS':['AKNOBODY','AKBOB']},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", BOB),
            ALLOW),
        bucketRow(
            "an access key: not another",
            "{'Effect':'Allow','Principal':{'AWS':'AKBOB'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ALICE),
            NONE),
        bucketRow(
            "a canonical user ID",
            "{'Effect':'Allow','Principal':{'CanonicalUser':'11'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ALICE),
            ALLOW),
        bucketRow(
            "NotPrincipal: the others are denied",
            "{'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::1:user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", BOB),
            DENY),
        bucketRow(
            "NotPrincipal: anonymous callers too",
            "{'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::1:user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ANONYMOUS),
            DENY),
        bucketRow(
            "NotPrincipal: the named one is not",
            "{'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::1:user/alice'},'Action':'s3:*','Resource':'arn:aws:s3:::b/*'}",
            request("s3:GetObject", "arn:aws:s3:::b/k", ALICE),
            NONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(
      String name, PolicyKind kind, String statements, PolicyRequest request, Decision expected)
      throws MalformedPolicyException {
    assertThat(Policies.evaluate(kind, statements, request)).isEqualTo(expected);
  }
}
