package io.coffer.policy;

import static io.coffer.policy.Decision.ALLOW;
import static io.coffer.policy.Decision.DENY;
import static io.coffer.policy.Decision.NONE;
import static io.coffer.policy.Policies.conditionRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IpAddress, Arn and Null conditions, IfExists, and ForAnyValue/ForAllValues over absent and
 * multi-valued keys (see {@link Policies#conditionRow}).
 */
class ConditionQualifierTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        conditionRow(
            "IpAddress: inside",
            "'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}",
            ALLOW,
            "aws:sourceip=10.1.2.3"),
        conditionRow(
            "IpAddress: outside",
            "'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}",
            NONE,
            "aws:sourceip=11.0.0.1"),
        conditionRow(
            "IpAddress: a single address",
            "'IpAddress':{'aws:SourceIp':'192.0.2.7'}",
            ALLOW,
            "aws:sourceip=192.0.2.7"),
        conditionRow(
            "IpAddress: /0 is everyone",
            "'IpAddress':{'aws:SourceIp':'0.0.0.0/0'}",
            ALLOW,
            "aws:sourceip=203.0.113.9"),
        conditionRow(
            "IpAddress: odd prefix",
            "'IpAddress':{'aws:SourceIp':'192.0.2.128/25'}",
            NONE,
            "aws:sourceip=192.0.2.127"),
        conditionRow(
            "IpAddress: IPv6",
            "'IpAddress':{'aws:SourceIp':'2001:db8::/32'}",
            ALLOW,
            "aws:sourceip=2001:db8:1::5"),
        conditionRow(
            "IpAddress: IPv6 outside",
            "'IpAddress':{'aws:SourceIp':'2001:db8::/32'}",
            NONE,
            "aws:sourceip=2001:db9::1"),
        conditionRow(
            "IpAddress: IPv4-mapped caller",
            "'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}",
            ALLOW,
            "aws:sourceip=::ffff:10.0.0.1"),
        conditionRow(
            "IpAddress: families do not mix",
            "'IpAddress':{'aws:SourceIp':'::/0'}",
            NONE,
            "aws:sourceip=10.0.0.1"),
        conditionRow("IpAddress: absent", "'IpAddress':{'aws:SourceIp':'0.0.0.0/0'}", NONE),
        conditionRow(
            "NotIpAddress: outside",
            "'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}",
            ALLOW,
            "aws:sourceip=11.0.0.1"),
        conditionRow(
            "NotIpAddress: absent holds", "'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}", ALLOW),
        conditionRow(
            "Deny NotIpAddress: outsiders denied",
            "Deny 'NotIpAddress':{'aws:SourceIp':['10.0.0.0/8','2001:db8::/32']}",
            DENY,
            "aws:sourceip=8.8.8.8"),
        conditionRow(
            "ArnLike",
            "'ArnLike':{'s3:x-amz-copy-source':'arn:aws:s3:::src/*'}",
            ALLOW,
            "s3:x-amz-copy-source=arn:aws:s3:::src/k"),
        conditionRow(
            "ArnEquals takes wildcards too",
            "'ArnEquals':{'s3:x-amz-copy-source':'arn:aws:s3:::src/*'}",
            ALLOW,
            "s3:x-amz-copy-source=arn:aws:s3:::src/k"),
        conditionRow(
            "ArnNotLike",
            "'ArnNotLike':{'s3:x-amz-copy-source':'arn:aws:s3:::src/*'}",
            NONE,
            "s3:x-amz-copy-source=arn:aws:s3:::src/k"),
        conditionRow(
            "ArnNotEquals: absent holds",
            "'ArnNotEquals':{'s3:x-amz-copy-source':'arn:aws:s3:::src/k'}",
            ALLOW),
        conditionRow(
            "Null true: absent", "'Null':{'s3:x-amz-server-side-encryption':'true'}", ALLOW),
        conditionRow(
            "Null true: present",
            "'Null':{'s3:x-amz-server-side-encryption':'true'}",
            NONE,
            "s3:x-amz-server-side-encryption=AES256"),
        conditionRow(
            "Null false: present",
            "'Null':{'s3:x-amz-server-side-encryption':false}",
            ALLOW,
            "s3:x-amz-server-side-encryption=AES256"),
        conditionRow(
            "Deny Null true: unencrypted uploads denied",
            "Deny 'Null':{'s3:x-amz-server-side-encryption':'true'}",
            DENY),
        conditionRow(
            "IfExists: absent holds", "'StringEqualsIfExists':{'s3:x-amz-acl':'private'}", ALLOW),
        conditionRow(
            "IfExists: present compares",
            "'StringEqualsIfExists':{'s3:x-amz-acl':'private'}",
            NONE,
            "s3:x-amz-acl=public-read"),
        conditionRow(
            "IfExists on numbers", "'NumericLessThanIfExists':{'s3:max-keys':'10'}", ALLOW),
        conditionRow(
            "IfExists on IP",
            "'IpAddressIfExists':{'aws:SourceIp':'10.0.0.0/8'}",
            NONE,
            "aws:sourceip=11.0.0.1"),
        conditionRow(
            "plain operator, several request values: any matches",
            "'StringEquals':{'s3:RequestObjectTagKeys':'a'}",
            ALLOW,
            "s3:requestobjecttagkeys=b|a"),
        conditionRow(
            "negated operator, several request values: none may match",
            "'StringNotEquals':{'s3:RequestObjectTagKeys':'a'}",
            NONE,
            "s3:requestobjecttagkeys=b|a"),
        conditionRow(
            "ForAnyValue: one value matches",
            "'ForAnyValue:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW,
            "s3:requestobjecttagkeys=b|c"),
        conditionRow(
            "ForAnyValue: none matches",
            "'ForAnyValue:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE,
            "s3:requestobjecttagkeys=c|d"),
        conditionRow(
            "ForAnyValue: absent fails",
            "'ForAnyValue:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE),
        conditionRow(
            "ForAnyValue negated: one value outside",
            "'ForAnyValue:StringNotEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW,
            "s3:requestobjecttagkeys=a|c"),
        conditionRow(
            "ForAnyValue negated: all inside",
            "'ForAnyValue:StringNotEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE,
            "s3:requestobjecttagkeys=a|b"),
        conditionRow(
            "ForAllValues: all inside",
            "'ForAllValues:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW,
            "s3:requestobjecttagkeys=a|b"),
        conditionRow(
            "ForAllValues: one outside",
            "'ForAllValues:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE,
            "s3:requestobjecttagkeys=a|c"),
        conditionRow(
            "ForAllValues: absent holds",
            "'ForAllValues:StringEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW),
        conditionRow(
            "ForAllValues negated: none inside",
            "'ForAllValues:StringNotEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            ALLOW,
            "s3:requestobjecttagkeys=c|d"),
        conditionRow(
            "ForAllValues negated: one inside",
            "'ForAllValues:StringNotEquals':{'s3:RequestObjectTagKeys':['a','b']}",
            NONE,
            "s3:requestobjecttagkeys=c|a"),
        conditionRow(
            "ForAllValues with IfExists",
            "'ForAllValues:StringLikeIfExists':{'s3:RequestObjectTagKeys':'team-*'}",
            ALLOW,
            "s3:requestobjecttagkeys=team-a|team-b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(
      String name, PolicyKind kind, String statements, PolicyRequest request, Decision expected)
      throws MalformedPolicyException {
    assertThat(Policies.evaluate(kind, statements, request)).isEqualTo(expected);
  }
}
