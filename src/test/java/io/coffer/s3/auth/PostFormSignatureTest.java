package io.coffer.s3.auth;

import static io.coffer.s3.auth.AuthFixtures.ACCESS_KEY;
import static io.coffer.s3.auth.AuthFixtures.SECRET_KEY;
import static io.coffer.s3.auth.AuthFixtures.assertFails;
import static io.coffer.s3.auth.AuthFixtures.exampleVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.ErrorCode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST form signatures, against values computed independently with Python's hmac module. */
class PostFormSignatureTest {
  private static final String POLICY =
      "eyJleHBpcmF0aW9uIjoiMjAxNS0xMi0zMFQxMjowMDowMC4wMDBaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0Ijoic2lndjRleGFtcGxlYnVja2V0In1dfQ==";
  private static final String V4_SIGNATURE =
      "d7c5af4545b158e68eefbcaa6dc0c66be7ebf1d610d744d25acf9b93cac269bb";
  private static final String V2_SIGNATURE = "5T7L59RuZAsCeTe3MV89P3tGXkI=";

  private static Map<String, String> v4Form() {
    Map<String, String> fields = new HashMap<>();
    fields.put("policy", POLICY);
    fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
    fields.put("x-amz-credential", ACCESS_KEY + "/20151229/us-east-1/s3/aws4_request");
    fields.put("x-amz-date", "20151229T000000Z");
    fields.put("x-amz-signature", V4_SIGNATURE);
    return fields;
  }

  @Test
  void signsAsPythonsHmacDoes() {
    assertThat(PostFormSignature.signV4(SECRET_KEY, "20151229", "us-east-1", POLICY))
        .isEqualTo(V4_SIGNATURE);
    assertThat(PostFormSignature.signV2(SECRET_KEY, POLICY)).isEqualTo(V2_SIGNATURE);
  }

  @Test
  void aSigV4FormNamesItsCredential() {
    assertThat(exampleVerifier().verifyPostForm(v4Form()).accessKey()).isEqualTo(ACCESS_KEY);
    assertThat(PostFormSignature.version(v4Form())).isEqualTo("AWS4-HMAC-SHA256");
  }

  @Test
  void aSigV2FormNamesItsCredential() {
    Map<String, String> fields =
        Map.of("policy", POLICY, "awsaccesskeyid", ACCESS_KEY, "signature", V2_SIGNATURE);
    assertThat(exampleVerifier().verifyPostForm(fields).accessKey()).isEqualTo(ACCESS_KEY);
    assertThat(PostFormSignature.version(fields)).isEqualTo("AWS");
    Map<String, String> wrong =
        Map.of("policy", POLICY + "x", "awsaccesskeyid", ACCESS_KEY, "signature", V2_SIGNATURE);
    assertFails(() -> exampleVerifier().verifyPostForm(wrong), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
  }

  @Test
  void aChangedPolicyOrSignatureDoesNotMatch() {
    Map<String, String> fields = v4Form();
    fields.put("policy", POLICY.replace('e', 'f'));
    assertFails(() -> exampleVerifier().verifyPostForm(fields), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    Map<String, String> other = v4Form();
    other.put("x-amz-signature", V4_SIGNATURE.replace('d', 'e'));
    assertFails(() -> exampleVerifier().verifyPostForm(other), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
  }

  @Test
  void missingOrWrongFieldsAreRefusedAsAwsRefusesThem() {
    for (String field :
        new String[] {"policy", "x-amz-credential", "x-amz-date", "x-amz-signature"}) {
      Map<String, String> fields = v4Form();
      fields.remove(field);
      assertFails(() -> exampleVerifier().verifyPostForm(fields), ErrorCode.INVALID_ARGUMENT);
    }
    Map<String, String> region = v4Form();
    region.put("x-amz-credential", ACCESS_KEY + "/20151229/eu-west-1/s3/aws4_request");
    assertFails(() -> exampleVerifier().verifyPostForm(region), ErrorCode.INVALID_ARGUMENT);
    Map<String, String> unknown = v4Form();
    unknown.put("x-amz-credential", "AKIDUNKNOWN/20151229/us-east-1/s3/aws4_request");
    assertFails(() -> exampleVerifier().verifyPostForm(unknown), ErrorCode.INVALID_ACCESS_KEY_ID);
    Map<String, String> inactive = v4Form();
    inactive.put("x-amz-credential", "AKIDINACTIVE/20151229/us-east-1/s3/aws4_request");
    assertFails(() -> exampleVerifier().verifyPostForm(inactive), ErrorCode.INVALID_ACCESS_KEY_ID);
  }
}
