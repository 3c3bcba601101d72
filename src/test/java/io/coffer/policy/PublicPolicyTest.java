package io.coffer.policy;

import static io.coffer.policy.Policies.document;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS's definition of a public bucket policy (GetBucketPolicyStatus, BlockPublicPolicy). */
class PublicPolicyTest {
  private static final String ALLOW =
      "'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'";

  @ParameterizedTest(name = "{0} → public {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Principal *                          | 'Principal':'*'                                                             | true
          Principal AWS *                      | 'Principal':{'AWS':'*'}                                                     | true
          Principal AWS * in a list            | 'Principal':{'AWS':['arn:aws:iam::1:user/a','*']}                           | true
          one user                             | 'Principal':{'AWS':'arn:aws:iam::1:user/a'}                                 | false
          the account                          | 'Principal':{'AWS':'123456789012'}                                          | false
          a canonical user                     | 'Principal':{'CanonicalUser':'11'}                                          | false
          NotPrincipal                         | 'NotPrincipal':{'AWS':'arn:aws:iam::1:user/a'}                              | true
          a /24 source range                   | 'Principal':'*','Condition':{'IpAddress':{'aws:SourceIp':'192.0.2.0/24'}}   | false
          a /8 source range                    | 'Principal':'*','Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}     | false
          a /7 source range                    | 'Principal':'*','Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/7'}}     | true
          one /8 and one /0                    | 'Principal':'*','Condition':{'IpAddress':{'aws:SourceIp':['10.0.0.0/8','0.0.0.0/0']}} | true
          an IPv6 /32                          | 'Principal':'*','Condition':{'IpAddress':{'aws:SourceIp':'2001:db8::/32'}}  | false
          an IPv6 /31                          | 'Principal':'*','Condition':{'IpAddress':{'aws:SourceIp':'2001:db8::/31'}}  | true
          NotIpAddress                         | 'Principal':'*','Condition':{'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}}  | true
          IpAddressIfExists                    | 'Principal':'*','Condition':{'IpAddressIfExists':{'aws:SourceIp':'10.0.0.0/8'}} | true
          aws:username equals                  | 'Principal':'*','Condition':{'StringEquals':{'aws:username':'alice'}}       | false
          aws:userid equals                    | 'Principal':'*','Condition':{'StringEquals':{'aws:userid':'7'}}             | false
          aws:username like without wildcard   | 'Principal':'*','Condition':{'StringLike':{'aws:username':'alice'}}         | false
          aws:username like with wildcard      | 'Principal':'*','Condition':{'StringLike':{'aws:username':'a*'}}            | true
          aws:username not equals              | 'Principal':'*','Condition':{'StringNotEquals':{'aws:username':'alice'}}    | true
          ForAllValues on aws:username         | 'Principal':'*','Condition':{'ForAllValues:StringEquals':{'aws:username':'alice'}} | true
          another key does not fix the caller  | 'Principal':'*','Condition':{'Bool':{'aws:SecureTransport':'true'}}         | true
          one fixing condition among others    | 'Principal':'*','Condition':{'Bool':{'aws:SecureTransport':'true'},'IpAddress':{'aws:SourceIp':'10.1.0.0/16'}} | false
          """)
  void allowStatement(String name, String principalAndCondition, boolean expected)
      throws MalformedPolicyException {
    String statement = "{" + ALLOW + "," + principalAndCondition + "}";
    assertThat(PolicyDocument.parse(document(statement), PolicyKind.BUCKET).isPublic())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          a Deny to everyone is not public   | {'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*'}
          an identity policy has no principal | {'Effect':'Allow','Action':'s3:*','Resource':'*'}
          """)
  void notPublic(String name, String statement) throws MalformedPolicyException {
    PolicyKind kind = statement.contains("Principal") ? PolicyKind.BUCKET : PolicyKind.IDENTITY;
    assertThat(PolicyDocument.parse(document(statement), kind).isPublic()).isFalse();
  }
}
