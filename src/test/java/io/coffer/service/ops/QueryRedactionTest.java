package io.coffer.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryRedactionTest {
  @Test
  void aPresignedUrlKeepsOnlyWhatIsNotAuthentication() {
    String query =
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Fus-east-1%2Fs3"
            + "%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=600"
            + "&X-Amz-SignedHeaders=host&X-Amz-Security-Token=FwoGZX&versionId=3"
            + "&X-Amz-Signature=0123456789abcdef";
    assertThat(QueryRedaction.strip(query))
        .isEqualTo(
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z&X-Amz-Expires=600"
                + "&X-Amz-SignedHeaders=host&versionId=3");
  }

  @Test
  void namesAreComparedDecodedAndIgnoringCase() {
    assertThat(QueryRedaction.strip("x-amz-signature=abc&list-type=2")).isEqualTo("list-type=2");
    assertThat(QueryRedaction.strip("X%2DAmz%2DSignature=abc&uploads")).isEqualTo("uploads");
    assertThat(QueryRedaction.strip("bad%zz=1&prefix=a")).isEqualTo("prefix=a");
  }

  @Test
  void sigV2AndCustomerKeysAndTheApisReferenceGoToo() {
    assertThat(
            QueryRedaction.strip(
                "AWSAccessKeyId=AKIA&Expires=1&Signature=xyz"
                    + "&x-amz-server-side-encryption-customer-key=c2VjcmV0&hash=abc&tagging"))
        .isEqualTo("Expires=1&tagging");
  }

  @Test
  void anOrdinaryQueryIsUntouched() {
    assertThat(QueryRedaction.strip("")).isEmpty();
    assertThat(QueryRedaction.strip("list-type=2&prefix=a%2Fb&continuation-token=xyz"))
        .isEqualTo("list-type=2&prefix=a%2Fb&continuation-token=xyz");
  }
}
