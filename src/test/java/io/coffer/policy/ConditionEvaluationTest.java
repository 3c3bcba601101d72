package io.coffer.policy;

import static io.coffer.policy.Decision.ALLOW;
import static io.coffer.policy.Decision.DENY;
import static io.coffer.policy.Decision.NONE;
import static io.coffer.policy.Policies.conditionRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The String, Numeric, Date, Bool and Binary condition operators, how keys and values combine, and
 * how key names compare (see {@link Policies#conditionRow}).
 */
class ConditionEvaluationTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        conditionRow(
            "StringEquals: equal",
            "'StringEquals':{'s3:prefix':'photos/'}",
            ALLOW,
            "s3:prefix=photos/"),
        conditionRow(
            "StringEquals: different",
            "'StringEquals':{'s3:prefix':'photos/'}",
            NONE,
            "s3:prefix=docs/"),
        conditionRow("StringEquals: absent", "'StringEquals':{'s3:prefix':'photos/'}", NONE),
        conditionRow(
            "StringEquals: case matters",
            "'StringEquals':{'s3:prefix':'Photos/'}",
            NONE,
            "s3:prefix=photos/"),
        conditionRow(
            "StringEquals: * is literal",
            "'StringEquals':{'s3:prefix':'p*'}",
            NONE,
            "s3:prefix=photos/"),
        conditionRow(
            "values of one key are ORed",
            "'StringEquals':{'s3:prefix':['a/','photos/']}",
            ALLOW,
            "s3:prefix=photos/"),
        conditionRow(
            "keys are ANDed: both",
            "'StringEquals':{'s3:prefix':'p/','s3:delimiter':'/'}",
            ALLOW,
            "s3:prefix=p/",
            "s3:delimiter=/"),
        conditionRow(
            "keys are ANDed: one missing",
            "'StringEquals':{'s3:prefix':'p/','s3:delimiter':'/'}",
            NONE,
            "s3:prefix=p/"),
        conditionRow(
            "operators are ANDed",
            "'StringEquals':{'s3:prefix':'p/'},'Bool':{'aws:SecureTransport':'true'}",
            NONE,
            "s3:prefix=p/",
            "aws:securetransport=false"),
        conditionRow(
            "key names without regard to case",
            "'StringEquals':{'S3:PREFIX':'p/'}",
            ALLOW,
            "s3:prefix=p/"),
        conditionRow(
            "operator names without regard to case",
            "'stringequals':{'s3:prefix':'p/'}",
            ALLOW,
            "s3:prefix=p/"),
        conditionRow(
            "tag keys as written",
            "'StringEquals':{'s3:ExistingObjectTag/Team':'red'}",
            ALLOW,
            "s3:existingobjecttag/Team=red"),
        conditionRow(
            "tag keys are case-sensitive",
            "'StringEquals':{'s3:ExistingObjectTag/Team':'red'}",
            NONE,
            "s3:existingobjecttag/team=red"),
        conditionRow(
            "StringNotEquals: different",
            "'StringNotEquals':{'s3:prefix':'photos/'}",
            ALLOW,
            "s3:prefix=docs/"),
        conditionRow(
            "StringNotEquals: equal",
            "'StringNotEquals':{'s3:prefix':'photos/'}",
            NONE,
            "s3:prefix=photos/"),
        conditionRow(
            "StringNotEquals: absent holds", "'StringNotEquals':{'s3:prefix':'photos/'}", ALLOW),
        conditionRow(
            "StringEqualsIgnoreCase",
            "'StringEqualsIgnoreCase':{'s3:x-amz-acl':'PUBLIC-READ'}",
            ALLOW,
            "s3:x-amz-acl=public-read"),
        conditionRow(
            "StringNotEqualsIgnoreCase",
            "'StringNotEqualsIgnoreCase':{'s3:x-amz-acl':'PUBLIC-READ'}",
            NONE,
            "s3:x-amz-acl=public-read"),
        conditionRow(
            "StringLike: *",
            "'StringLike':{'s3:prefix':'home/*/'}",
            ALLOW,
            "s3:prefix=home/alice/"),
        conditionRow("StringLike: ?", "'StringLike':{'s3:prefix':'v?'}", NONE, "s3:prefix=v10"),
        conditionRow(
            "StringNotLike",
            "'StringNotLike':{'aws:Referer':'https://example.com/*'}",
            NONE,
            "aws:referer=https://example.com/a"),
        conditionRow(
            "StringNotLike: absent holds",
            "'StringNotLike':{'aws:Referer':'https://example.com/*'}",
            ALLOW),
        conditionRow(
            "a variable in a value",
            "'StringLike':{'s3:prefix':'${aws:username}/*'}",
            ALLOW,
            "s3:prefix=alice/x",
            "aws:username=alice"),
        conditionRow(
            "a variable in a value: absent key",
            "'StringLike':{'s3:prefix':'${aws:username}/*'}",
            NONE,
            "s3:prefix=alice/x"),
        conditionRow(
            "NumericLessThanEquals: below",
            "'NumericLessThanEquals':{'s3:max-keys':'100'}",
            ALLOW,
            "s3:max-keys=50"),
        conditionRow(
            "NumericLessThanEquals: equal",
            "'NumericLessThanEquals':{'s3:max-keys':100}",
            ALLOW,
            "s3:max-keys=100"),
        conditionRow(
            "NumericLessThanEquals: above",
            "'NumericLessThanEquals':{'s3:max-keys':'100'}",
            NONE,
            "s3:max-keys=1000"),
        conditionRow(
            "NumericLessThan", "'NumericLessThan':{'s3:max-keys':'100'}", NONE, "s3:max-keys=100"),
        conditionRow(
            "NumericGreaterThan",
            "'NumericGreaterThan':{'s3:object-lock-remaining-retention-days':'30'}",
            ALLOW,
            "s3:object-lock-remaining-retention-days=31"),
        conditionRow(
            "NumericGreaterThanEquals",
            "'NumericGreaterThanEquals':{'s3:max-keys':'10'}",
            NONE,
            "s3:max-keys=9"),
        conditionRow(
            "NumericEquals: 10 is 10.0",
            "'NumericEquals':{'s3:max-keys':'10.0'}",
            ALLOW,
            "s3:max-keys=10"),
        conditionRow(
            "NumericNotEquals", "'NumericNotEquals':{'s3:max-keys':'10'}", ALLOW, "s3:max-keys=11"),
        conditionRow(
            "Numeric: a request value that is no number",
            "'NumericLessThan':{'s3:max-keys':'10'}",
            NONE,
            "s3:max-keys=abc"),
        conditionRow(
            "DateLessThan: before",
            "'DateLessThan':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}",
            ALLOW,
            "aws:currenttime=2024-05-01T12:00:00Z"),
        conditionRow(
            "DateLessThan: after",
            "'DateLessThan':{'aws:CurrentTime':'2020-01-01'}",
            NONE,
            "aws:currenttime=2024-05-01T12:00:00Z"),
        conditionRow(
            "DateGreaterThan: epoch seconds",
            "'DateGreaterThan':{'aws:EpochTime':'1700000000'}",
            ALLOW,
            "aws:epochtime=1800000000"),
        conditionRow(
            "DateGreaterThanEquals: offsets",
            "'DateGreaterThanEquals':{'aws:CurrentTime':'2024-05-01T14:00:00+02:00'}",
            ALLOW,
            "aws:currenttime=2024-05-01T12:00:00Z"),
        conditionRow(
            "DateLessThanEquals",
            "'DateLessThanEquals':{'s3:object-lock-retain-until-date':'2024-01-01T00:00:00Z'}",
            NONE,
            "s3:object-lock-retain-until-date=2025-01-01T00:00:00Z"),
        conditionRow(
            "DateEquals: epoch and ISO",
            "'DateEquals':{'aws:EpochTime':'2024-01-01T00:00:00Z'}",
            ALLOW,
            "aws:epochtime=1704067200"),
        conditionRow(
            "DateNotEquals",
            "'DateNotEquals':{'aws:CurrentTime':'2024-01-01T00:00:00Z'}",
            ALLOW,
            "aws:currenttime=2024-01-02T00:00:00Z"),
        conditionRow(
            "Bool: true",
            "'Bool':{'aws:SecureTransport':'true'}",
            ALLOW,
            "aws:securetransport=true"),
        conditionRow(
            "Bool: JSON boolean",
            "'Bool':{'aws:SecureTransport':true}",
            NONE,
            "aws:securetransport=false"),
        conditionRow(
            "Deny Bool false: plain HTTP denied",
            "Deny 'Bool':{'aws:SecureTransport':'false'}",
            DENY,
            "aws:securetransport=false"),
        conditionRow(
            "Deny Bool false: HTTPS allowed",
            "Deny 'Bool':{'aws:SecureTransport':'false'}",
            ALLOW,
            "aws:securetransport=true"),
        conditionRow(
            "BinaryEquals",
            "'BinaryEquals':{'s3:x-amz-content-sha256':'QmluYXJ5'}",
            ALLOW,
            "s3:x-amz-content-sha256=QmluYXJ5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(
      String name, PolicyKind kind, String statements, PolicyRequest request, Decision expected)
      throws MalformedPolicyException {
    assertThat(Policies.evaluate(kind, statements, request)).isEqualTo(expected);
  }

  @Test
  void looksUpOnlyTheKeysOfTheStatementsThatGetThatFar() throws MalformedPolicyException {
    PolicyDocument policy =
        PolicyDocument.parse(
            Policies.document(
                "{'Effect':'Allow','Action':'s3:PutObject','Resource':'*',"
                    + "'Condition':{'StringEquals':{'s3:x-amz-acl':'private'}}},"
                    + "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
                    + "'Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}"),
            PolicyKind.IDENTITY);
    List<String> asked = new ArrayList<>();
    PolicyRequest request =
        new PolicyRequest(
            "s3:GetObject",
            "arn:aws:s3:::b/k",
            Policies.ALICE,
            key -> {
              asked.add(key);
              return List.of("10.0.0.1");
            });

    assertThat(policy.evaluate(request)).isEqualTo(ALLOW);
    assertThat(asked).containsExactly(ConditionKeys.SOURCE_IP);
  }
}
