package io.coffer.policy;

import static io.coffer.policy.Policies.document;
import static io.coffer.policy.Policies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Documents AWS refuses, refused with AWS's message; and documents it accepts, accepted. */
class PolicyParserTest {
  private static final String OK = "'Effect':'Allow','Action':'s3:GetObject','Resource':'*'";
  private static final String OK_BUCKET =
      "'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'";

  static Stream<Arguments> refused() {
    return Stream.of(
        identity("not JSON", "Version: 2012", PolicyParser.NOT_JSON),
        identity("an array", "[]", PolicyParser.NOT_JSON),
        identity("broken JSON", "{'Statement':", PolicyParser.NOT_JSON),
        identity("trailing garbage", "{'Statement':{" + OK + "}} x", PolicyParser.NOT_JSON),
        identity("a second value", "{'Statement':{" + OK + "}} {}", PolicyParser.NOT_JSON),
        identity(
            "a duplicate element",
            "{'Statement':{" + OK + ",'Effect':'Deny'}}",
            "Statement/policy already has instance of Effect"),
        identity(
            "an unknown version",
            "{'Version':'2012-10-18','Statement':{" + OK + "}}",
            "The policy must contain a valid version string"),
        identity(
            "an unknown top-level element",
            "{'Statement':{" + OK + "},'Comment':'x'}",
            "Unknown field Comment"),
        identity(
            "an unknown statement element",
            "{'Statement':{" + OK + ",'Effects':'Allow'}}",
            "Unknown field Effects"),
        identity("no Statement", "{'Version':'2012-10-17'}", "Missing required field Statement"),
        identity(
            "no statements", "{'Statement':[]}", "Could not parse the policy: Statement is empty!"),
        identity(
            "a statement that is no object",
            "{'Statement':['x']}",
            "Invalid policy syntax: each Statement must be a JSON object"),
        identity(
            "no Effect",
            "{'Statement':{'Action':'s3:*','Resource':'*'}}",
            "Missing required field Effect"),
        identity(
            "an unknown Effect",
            "{'Statement':{'Effect':'allow','Action':'s3:*','Resource':'*'}}",
            "Invalid effect: allow"),
        identity(
            "a numeric Sid",
            "{'Statement':{'Sid':1," + OK + "}}",
            "Invalid policy syntax: Sid must be a string"),
        identity(
            "no Action",
            "{'Statement':{'Effect':'Allow','Resource':'*'}}",
            "Missing required field Action"),
        identity(
            "Action and NotAction",
            "{'Statement':{" + OK + ",'NotAction':'s3:PutObject'}}",
            "Statement/policy already has instance of Action"),
        identity(
            "an empty Action list",
            "{'Statement':{'Effect':'Allow','Action':[],'Resource':'*'}}",
            "Missing required field Action cannot be empty!"),
        identity(
            "an Action that is no string",
            "{'Statement':{'Effect':'Allow','Action':[1],'Resource':'*'}}",
            "Invalid policy syntax: Action must be a string or an array of strings"),
        identity(
            "an unknown action",
            "{'Statement':{'Effect':'Allow','Action':'s3:GetObjects','Resource':'*'}}",
            ActionMatcher.INVALID),
        identity(
            "a pattern matching no action",
            "{'Statement':{'Effect':'Allow','Action':'s3:Fly*','Resource':'*'}}",
            ActionMatcher.INVALID),
        identity(
            "another service",
            "{'Statement':{'Effect':'Allow','Action':'iam:CreateUser','Resource':'*'}}",
            ActionMatcher.INVALID),
        identity(
            "an action without prefix",
            "{'Statement':{'Effect':'Allow','Action':'GetObject','Resource':'*'}}",
            ActionMatcher.INVALID),
        identity(
            "no Resource",
            "{'Statement':{'Effect':'Allow','Action':'s3:*'}}",
            "Missing required field Resource"),
        identity(
            "a resource that is no ARN",
            "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'b/*'}}",
            ResourcePattern.INVALID),
        identity(
            "another service's ARN",
            "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:iam::1:user/a'}}",
            ResourcePattern.INVALID),
        identity(
            "an S3 ARN with a region",
            "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:us-east-1::b'}}",
            ResourcePattern.INVALID),
        identity(
            "an empty S3 ARN",
            "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::'}}",
            ResourcePattern.INVALID),
        identity(
            "an unknown variable in a resource",
            "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${aws:PrincipalTag/x}'}}",
            ResourcePattern.INVALID),
        identity(
            "a Principal in an identity policy",
            "{'Statement':{" + OK + ",'Principal':'*'}}",
            "Policy document should not specify a principal."),
        identity(
            "a NotPrincipal in an identity policy",
            "{'Statement':{" + OK + ",'NotPrincipal':{'AWS':'*'}}}",
            "Policy document should not specify a principal."),
        identity(
            "an unknown condition key",
            condition("'StringEquals':{'aws:PrincipalOrgID':'o-1'}"),
            "Policy has an invalid condition key"),
        identity(
            "a tag family without tag key",
            condition("'StringEquals':{'s3:ExistingObjectTag/':'x'}"),
            "Policy has an invalid condition key"),
        identity(
            "an unknown operator",
            condition("'StringEqualz':{'s3:prefix':'x'}"),
            "Invalid Condition type : StringEqualz"),
        identity(
            "an unknown qualifier",
            condition("'ForSomeValues:StringEquals':{'s3:prefix':'x'}"),
            "Invalid Condition type : ForSomeValues:StringEquals"),
        identity(
            "Null with IfExists",
            condition("'NullIfExists':{'s3:prefix':'true'}"),
            "Invalid Condition type : NullIfExists"),
        identity(
            "a non-numeric Numeric value",
            condition("'NumericLessThan':{'s3:max-keys':'ten'}"),
            "Invalid value for condition operator NumericLessThan: ten"),
        identity(
            "a Numeric exponent",
            condition("'NumericLessThan':{'s3:max-keys':'1e3'}"),
            "Invalid value for condition operator NumericLessThan: 1e3"),
        identity(
            "a bad date",
            condition("'DateLessThan':{'aws:CurrentTime':'yesterday'}"),
            "Invalid value for condition operator DateLessThan: yesterday"),
        identity(
            "a bad boolean",
            condition("'Bool':{'aws:SecureTransport':'yes'}"),
            "Invalid value for condition operator Bool: yes"),
        identity(
            "a bad CIDR",
            condition("'IpAddress':{'aws:SourceIp':'10.0.0.0/33'}"),
            "Invalid value for condition operator IpAddress: 10.0.0.0/33"),
        identity(
            "a host name for an address",
            condition("'IpAddress':{'aws:SourceIp':'example.com'}"),
            "Invalid value for condition operator IpAddress: example.com"),
        identity(
            "a bad IPv6 address",
            condition("'NotIpAddress':{'aws:SourceIp':'2001:db8:::1/64'}"),
            "Invalid value for condition operator NotIpAddress: 2001:db8:::1/64"),
        identity(
            "a bad Null value",
            condition("'Null':{'s3:prefix':'maybe'}"),
            "Invalid value for condition operator Null: maybe"),
        identity(
            "bad base64",
            condition("'BinaryEquals':{'s3:prefix':'not base64!'}"),
            "Invalid value for condition operator BinaryEquals: not base64!"),
        identity(
            "a condition value that is an object",
            condition("'StringEquals':{'s3:prefix':{'a':'b'}}"),
            "Invalid policy syntax: condition values must be strings, numbers or booleans"),
        identity(
            "a condition that is no object",
            "{'Statement':{" + OK + ",'Condition':'x'}}",
            "Invalid policy syntax: Condition must be a JSON object"),
        bucket(
            "a bucket policy without Principal",
            "{'Statement':{" + OK + "}}",
            "Missing required field Principal"),
        bucket(
            "a Service principal",
            "{'Statement':{" + OK + ",'Principal':{'Service':'s3.amazonaws.com'}}}",
            PrincipalMatcher.INVALID),
        bucket(
            "a Federated principal",
            "{'Statement':{" + OK + ",'Principal':{'Federated':'cognito-identity.amazonaws.com'}}}",
            PrincipalMatcher.INVALID),
        bucket(
            "a role",
            "{'Statement':{" + OK + ",'Principal':{'AWS':'arn:aws:iam::123456789012:role/r'}}}",
            PrincipalMatcher.INVALID),
        bucket(
            "an empty principal",
            "{'Statement':{" + OK + ",'Principal':{}}}",
            PrincipalMatcher.INVALID),
        bucket(
            "a principal string other than *",
            "{'Statement':{" + OK + ",'Principal':'alice'}}",
            PrincipalMatcher.INVALID),
        bucket(
            "Principal and NotPrincipal",
            "{'Statement':{" + OK + ",'Principal':'*','NotPrincipal':'*'}}",
            "Statement/policy already has instance of Principal"));
  }

  private static String condition(String body) {
    return "{'Statement':{" + OK + ",'Condition':{" + body + "}}}";
  }

  private static Arguments identity(String name, String text, String message) {
    return arguments(name, PolicyKind.IDENTITY, json(text), message);
  }

  private static Arguments bucket(String name, String text, String message) {
    return arguments(name, PolicyKind.BUCKET, json(text), message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refuses(String name, PolicyKind kind, String text, String message) {
    assertThatThrownBy(() -> PolicyDocument.parse(text, kind))
        .isInstanceOf(MalformedPolicyException.class)
        .hasMessage(message);
  }

  @Test
  void refusesDocumentsOverTwentyKilobytes() {
    String big = "{'Sid':'" + "x".repeat(21 * 1024) + "'," + OK + "}";
    assertThatThrownBy(() -> PolicyDocument.parse(document(big), PolicyKind.IDENTITY))
        .hasMessage("Policy exceeds the maximum allowed document size.");
  }

  @Test
  void acceptsWhatAwsAccepts() throws MalformedPolicyException {
    String text =
        json(
            "{'Version':'2012-10-17','Id':'p','Statement':{'Sid':'s',"
                + OK_BUCKET
                + ",'Condition':{'ForAllValues:StringLikeIfExists':{'s3:RequestObjectTag/Team':['a*']},'NumericLessThan':{'s3:max-keys':[10,"
                + " 2.5]},'IpAddress':{'aws:SourceIp':'::ffff:10.0.0.0/104'}}}}");
    PolicyDocument policy = PolicyDocument.parse(text, PolicyKind.BUCKET);
    assertThat(policy.json()).isEqualTo(text);
    assertThat(PolicyDocument.parse(" \n" + text, PolicyKind.BUCKET).json()).startsWith(" \n");
  }

  @Test
  void aBucketPolicyNamesOnlyItsBucket() throws MalformedPolicyException {
    String own = json("{'Statement':{" + OK_BUCKET + "}}");
    assertThat(PolicyDocument.parseBucketPolicy(own, "b").isPublic()).isTrue();
    assertThat(
            PolicyDocument.parseBucketPolicy(
                    json(
                        "{'Statement':{'Effect':'Allow','Principal':'*','Action':'s3:*',"
                            + "'NotResource':['arn:aws:s3:::b','arn:aws:s3:::b/private*']}}"),
                    "b")
                .isPublic())
        .isTrue();
    for (String other :
        new String[] {
          "arn:aws:s3:::bb/*", "arn:aws:s3:::*", "*", "arn:aws:s3:::b*", "arn:aws:s3:::c"
        }) {
      String text =
          json(
              "{'Statement':{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'"
                  + other
                  + "'}}");
      assertThat(PolicyDocument.parse(text, PolicyKind.BUCKET)).isNotNull();
      assertThatThrownBy(() -> PolicyDocument.parseBucketPolicy(text, "b"))
          .as(other)
          .hasMessage(ResourcePattern.INVALID);
    }
  }
}
