package io.coffer.policy;

import static io.coffer.policy.Decision.ALLOW;
import static io.coffer.policy.Decision.DENY;
import static io.coffer.policy.Decision.NONE;
import static io.coffer.policy.Policies.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every condition operator, with present, absent and multi-valued keys. Each row: an Allow of
 * s3:GetObject on everything under the condition, or a Deny (over an Allow of everything) when the
 * condition text starts with "Deny ".
 */
class ConditionEvaluationTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        row(
            "StringEquals: equal",
            "'StringEquals':{'s3:prefix':'photos/'}",
            ALLOW,
            "s3:prefix=photos/"),
        row(
            "StringEquals: different",
            "'StringEquals':{'s3:prefix':'photos/'}",
            NONE,
            "s3:prefix=docs/"),
        row("StringEquals: absent", "'StringEquals':{'s3:prefix':'photos/'}", NONE),
        row(
            "StringEquals: case matters",
            "'StringEquals':{'s3:prefix':'Photos/'}",
            NONE,
            "s3:prefix=photos/"),
        row(
            "StringEquals: * is literal",
            "'StringEquals':{'s3:prefix':'p*'}",
            NONE,
            "s3:prefix=photos/"),
        row(
            "values of one key are ORed",
            "'StringEquals':{'s3:prefix':['a/','photos/']}",
            ALLOW,
            "s3:prefix=photos/"),
        row(
            "keys are ANDed: both",
            "'StringEquals':{'s3:prefix':'p/','s3:delimiter':'/'}",
            ALLOW,
            "s3:prefix=p/",
            "s3:delimiter=/"),
        row(
            "keys are ANDed: one missing",
            "'StringEquals':{'s3:prefix':'p/','s3:delimiter':'/'}",
            NONE,
            "s3:prefix=p/"),
        row(
            "operators are ANDed",
            "'StringEquals':{'s3:prefix':'p/'},'Bool':{'aws:SecureTransport':'true'}",
            NONE,
            "s3:prefix=p/",
            "aws:securetransport=false"),
        row(
            "key names without regard to case",
            "'StringEquals':{'S3:PREFIX':'p/'}",
            ALLOW,
            "s3:prefix=p/"),
        row(
            "operator names without regard to case",
            "'stringequals':{'s3:prefix':'p/'}",
            ALLOW,
            "s3:prefix=p/"),
        row(
            "tag keys as written",
            "'StringEquals':{'s3:ExistingObjectTag/Team':'red'}",
            ALLOW,
            "s3:existingobjecttag/Team=red"),
        row(
            "tag keys are case-sensitive",
            "'StringEquals':{'s3:ExistingObjectTag/Team':'red'}",
            NONE,
            "s3:existingobjecttag/team=red"),
        row(
            "StringNotEquals: different",
            "'StringNotEquals':{'s3:prefix':'photos/'}",
            ALLOW,
            "s3:prefix=docs/"),
        row(
            "StringNotEquals: equal",
            "'StringNotEquals':{'s3:prefix':'photos/'}",
            NONE,
            "s3:prefix=photos/"),
        row("StringNotEquals: absent holds", "'StringNotEquals':{'s3:prefix':'photos/'}", ALLOW),
        row(
            "StringEqualsIgnoreCase",
            "'StringEqualsIgnoreCase':{'s3:x-amz-acl':'PUBLIC-READ'}",
            ALLOW,
            "s3:x-amz-acl=public-read"),
        row(
            "StringNotEqualsIgnoreCase",
            "'StringNotEqualsIgnoreCase':{'s3:x-amz-acl':'PUBLIC-READ'}",
            NONE,
            "s3:x-amz-acl=public-read"),
        row(
            "StringLike: *",
            "'StringLike':{'s3:prefix':'home/*/'}",
            ALLOW,
            "s3:prefix=home/alice/"),
        row("StringLike: ?", "'StringLike':{'s3:prefix':'v?'}", NONE, "s3:prefix=v10"),
        row(
            "StringNotLike",
            "'StringNotLike':{'aws:Referer':'https://example.com/*'}",
            NONE,
            "aws:referer=https://example.com/a"),
        row(
            "StringNotLike: absent holds",
            "'StringNotLike':{'aws:Referer':'https://example.com/*'}",
            ALLOW),
        row(
            "a variable in a value",
            "'StringLike':{'s3:prefix':'${aws:username}/*'}",
            ALLOW,
            "s3:prefix=alice/x",
            "aws:username=alice"),
        row(
            "a variable in a value: absent key",
            "'StringLike':{'s3:prefix':'${aws:username}/*'}",
            NONE,
            "s3:prefix=alice/x"),
        row(
            "NumericLessThanEquals: below",
            "'NumericLessThanEquals':{'s3:max-keys':'100'}",
            ALLOW,
            "s3:max-keys=50"),
        row(
            "NumericLessThanEquals: equal",
            "'NumericLessThanEquals':{'s3:max-keys':100}",
            ALLOW,
            "s3:max-keys=100"),
        row(
            "NumericLessThanEquals: above",
            "'NumericLessThanEquals':{'s3:max-keys':'100'}",
            NONE,
            "s3:max-keys=1000"),
        row("NumericLessThan", "'NumericLessThan':{'s3:max-keys':'100'}", NONE, "s3:max-keys=100"),
        row(
            "NumericGreaterThan",
            "'NumericGreaterThan':{'s3:object-lock-remaining-retention-days':'30'}",
            ALLOW,
            "s3:object-lock-remaining-retention-days=31"),
        row(
            "NumericGreaterThanEquals",
            "'NumericGreaterThanEquals':{'s3:max-keys':'10'}",
            NONE,
            "s3:max-keys=9"),
        row(
            "NumericEquals: 10 is 10.0",
            "'NumericEquals':{'s3:max-keys':'10.0'}",
            ALLOW,
            "s3:max-keys=10"),
        row("NumericNotEquals", "'NumericNotEquals':{'s3:max-keys':'10'}", ALLOW, "s3:max-keys=11"),
        row(
            "Numeric: a request value that is no number",
            "'NumericLessThan':{'s3:max-keys':'10'}",
            NONE,
            "s3:max-keys=abc"),
        row(
            "DateLessThan: before",
            "'DateLessThan':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}",
            ALLOW,
            "aws:currenttime=2024-05-01T12:00:00Z"),
        row(
            "DateLessThan: after",
            "'DateLessThan':{'aws:CurrentTime':'2020-01-01'}",
            NONE,
            "aws:currenttime=2024-05-01T12:00:00Z"),
        row(
            "DateGreaterThan: epoch seconds",
            "'DateGreaterThan':{'aws:EpochTime':'1700000000'}",
            ALLOW,
            "aws:epochtime=1800000000"),
        row(
            "DateGreaterThanEquals: offsets",
            "'DateGreaterThanEquals':{'aws:CurrentTime':'2024-05-01T14:00:00+02:00'}",
            ALLOW,
            "aws:currenttime=2024-05-01T12:00:00Z"),
        row(
            "DateLessThanEquals",
            "'DateLessThanEquals':{'s3:object-lock-retain-until-date':'2024-01-01T00:00:00Z'}",
            NONE,
            "s3:object-lock-retain-until-date=2025-01-01T00:00:00Z"),
        row(
            "DateEquals: epoch and ISO",
            "'DateEquals':{'aws:EpochTime':'2024-01-01T00:00:00Z'}",
            ALLOW,
            "aws:epochtime=1704067200"),
        row(
            "DateNotEquals",
            "'DateNotEquals':{'aws:CurrentTime':'2024-01-01T00:00:00Z'}",
            ALLOW,
            "aws:currenttime=2024-01-02T00:00:00Z"),
        row(
            "Bool: true",
            "'Bool':{'aws:SecureTransport':'true'}",
            ALLOW,
            "aws:securetransport=true"),
        row(
            "Bool: JSON boolean",
            "'Bool':{'aws:SecureTransport':true}",
            NONE,
            "aws:securetransport=false"),
        row(
            "Deny Bool false: plain HTTP denied",
            "Deny 'Bool':{'aws:SecureTransport':'false'}",
            DENY,
            "aws:securetransport=false"),
        row(
            "Deny Bool false: HTTPS allowed",
            "Deny 'Bool':{'aws:SecureTransport':'false'}",
            ALLOW,
            "aws:securetransport=true"),
        row(
            "BinaryEquals",
            "'BinaryEquals':{'s3:x-amz-content-sha256':'QmluYXJ5'}",
            ALLOW,
            "s3:x-amz-content-sha256=QmluYXJ5"),
        row(
            "IpAddress: inside",
            "'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}",
            ALLOW,
            "aws:sourceip=10.1.2.3"),
        row(
            "IpAddress: outside",
            "'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}",
            NONE,
            "aws:sourceip=11.0.0.1"),
        row(
            "IpAddress: a single address",
            "'IpAddress':{'aws:SourceIp':'192.0.2.7'}",
            ALLOW,
            "aws:sourceip=192.0.2.7"),
        row(
            "IpAddress: /0 is everyone",
            "'IpAddress':{'aws:SourceIp':'0.0.0.0/0'}",
            ALLOW,
            "aws:sourceip=203.0.113.9"),
        row(
            "IpAddress: odd prefix",
            "'IpAddress':{'aws:SourceIp':'192.0.2.128/25'}",
            NONE,
            "aws:sourceip=192.0.2.127"),
        row(
            "IpAddress: IPv6",
            "'IpAddress':{'aws:SourceIp':'2001:db8::/32'}",
            ALLOW,
            "aws:sourceip=2001:db8:1::5"),
        row(
            "IpAddress: IPv6 outside",
            "'IpAddress':{'aws:SourceIp':'2001:db8::/32'}",
            NONE,
            "aws:sourceip=2001:db9::1"),
        row(
            "IpAddress: IPv4-mapped caller",
            "'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}",
            ALLOW,
            "aws:sourceip=::ffff:10.0.0.1"),
        row(
            "IpAddress: families do not mix",
            "'IpAddress':{'aws:SourceIp':'::/0'}",
            NONE,
            "aws:sourceip=10.0.0.1"),
        row("IpAddress: absent", "'IpAddress':{'aws:SourceIp':'0.0.0.0/0'}", NONE),
        row(
            "NotIpAddress: outside",
            "'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}",
            ALLOW,
            "aws:sourceip=11.0.0.1"),
        row("NotIpAddress: absent holds", "'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}", ALLOW),
        row(
            "Deny NotIpAddress: outsiders denied",
            "Deny 'NotIpAddress':{'aws:SourceIp':['10.0.0.0/8','2001:db8::/32']}",
            DENY,
            "aws:sourceip=8.8.8.8"),
        row(
            "ArnLike",
            "'ArnLike':{'s3:x-amz-copy-source':'arn:aws:s3:::src/*'}",
            ALLOW,
            "s3:x-amz-copy-source=arn:aws:s3:::src/k"),
        row(
            "ArnEquals takes wildcards too",
            "'ArnEquals':{'s3:x-amz-copy-source':'arn:aws:s3:::src/*'}",
            ALLOW,
            "s3:x-amz-copy-source=arn:aws:s3:::src/k"),
        row(
            "ArnNotLike",
            "'ArnNotLike':{'s3:x-amz-copy-source':'arn:aws:s3:::src/*'}",
            NONE,
            "s3:x-amz-copy-source=arn:aws:s3:::src/k"),
        row(
            "ArnNotEquals: absent holds",
            "'ArnNotEquals':{'s3:x-amz-copy-source':'arn:aws:s3:::src/k'}",
            ALLOW),
        row("Null true: absent", "'Null':{'s3:x-amz-server-side-encryption':'true'}", ALLOW),
        row(
            "Null true: present",
            "'Null':{'s3:x-amz-server-side-encryption':'true'}",
            NONE,
            "s3:x-amz-server-side-encryption=AES256"),
        row(
            "Null false: present",
            "'Null':{'s3:x-amz-server-side-encryption':false}",
            ALLOW,
            "s3:x-amz-server-side-encryption=AES256"),
        row(
            "Deny Null true: unencrypted uploads denied",
            "Deny 'Null':{'s3:x-amz-server-side-encryption':'true'}",
            DENY),
        row("IfExists: absent holds", "'StringEqualsIfExists':{'s3:x-amz-acl':'private'}", ALLOW),
        row(
            "IfExists: present compares",
            "'StringEqualsIfExists':{'s3:x-amz-acl':'private'}",
            NONE,
            "s3:x-amz-acl=public-read"),
        row("IfExists on numbers", "'NumericLessThanIfExists':{'s3:max-keys':'10'}", ALLOW),
        row(
            "IfExists on IP",
            "'IpAddressIfExists':{'aws:SourceIp':'10.0.0.0/8'}",
            NONE,
            "aws:sourceip=11.0.0.1"),
        row(
            "plain operator, several request values: any matches",
            "'StringEquals':{'s3:RequestObjectTagKeys':'a'}",
            ALLOW,
            "s3:requestobjecttagkeys=b|a"),
        row(
            "negated operator, several request values: none may match",
            "'StringNotEquals':{'s3:RequestObjectTagKeys':'a'}",
            NONE,
            "s3:requestobjecttagkeys=b|a"),
        row(
            "ForAnyValue: one value matches",
            "'ForAnyValue:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW,
            "s3:requestobjecttagkeys=b|c"),
        row(
            "ForAnyValue: none matches",
            "'ForAnyValue:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE,
            "s3:requestobjecttagkeys=c|d"),
        row(
            "ForAnyValue: absent fails",
            "'ForAnyValue:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE),
        row(
            "ForAnyValue negated: one value outside",
            "'ForAnyValue:StringNotEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW,
            "s3:requestobjecttagkeys=a|c"),
        row(
            "ForAnyValue negated: all inside",
            "'ForAnyValue:StringNotEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE,
            "s3:requestobjecttagkeys=a|b"),
        row(
            "ForAllValues: all inside",
            "'ForAllValues:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW,
            "s3:requestobjecttagkeys=a|b"),
        row(
            "ForAllValues: one outside",
            "'ForAllValues:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE,
            "s3:requestobjecttagkeys=a|c"),
        row(
            "ForAllValues: absent holds",
            "'ForAllValues:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW),
        row(
            "ForAllValues negated: none inside",
            "'ForAllValues:StringNotEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW,
            "s3:requestobjecttagkeys=c|d"),
        row(
            "ForAllValues negated: one inside",
            "'ForAllValues:StringNotEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE,
            "s3:requestobjecttagkeys=c|a"),
        row(
            "ForAllValues with IfExists",
            "'ForAllValues:StringLikeIfExists':{'s3:RequestObjectTagKeys':'team-*'}",
            ALLOW,
            "s3:requestobjecttagkeys=team-a|team-b"));
  }

  private static Arguments row(String name, String condition, Decision expected, String... keys) {
    boolean deny = condition.startsWith("Deny ");
    String body = deny ? condition.substring("Deny ".length()) : condition;
    String statements =
        deny
            ? "{'Effect':'Allow','Action':'s3:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{"
                + body
                + "}}"
            : "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{"
                + body
                + "}}";
    return Policies.row(name, statements, get("arn:aws:s3:::b/k", keys), expected);
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
