package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptionConfigurationXmlTest {
  private final EncryptionConfigurationXml parser = new EncryptionConfigurationXml();

  private static String document(String rule) {
    return "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        + rule
        + "</ServerSideEncryptionConfiguration>";
  }

  @Test
  void oneRuleWithAlgorithmKeyAndBucketKey() {
    assertThat(
            parser.parse(
                body(
                    document(
                        "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms"
                            + "</SSEAlgorithm><KMSMasterKeyID> photos </KMSMasterKeyID>"
                            + "</ApplyServerSideEncryptionByDefault>"
                            + "<BucketKeyEnabled>true</BucketKeyEnabled></Rule>"))))
        .isEqualTo(new EncryptionConfigurationXml.Rule("aws:kms", "photos", true));
    assertThat(
            parser.parse(
                body(
                    document(
                        "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
                            + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
                            + "<BlockedEncryptionTypes><EncryptionType>NONE</EncryptionType>"
                            + "</BlockedEncryptionTypes></Rule>"))))
        .isEqualTo(new EncryptionConfigurationXml.Rule("AES256", null, false));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<Rule></Rule>",
        "<Rule><BucketKeyEnabled>true</BucketKeyEnabled></Rule>",
        "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>yes</BucketKeyEnabled>"
            + "</Rule>",
        "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></Rule><Rule><ApplyServerSideEncryptionByDefault>"
            + "<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
      })
  void malformed(String rules) {
    assertMalformed(() -> parser.parse(body(document(rules))));
  }

  @Test
  void blockingSseCIsNotImplemented() {
    CofferException e =
        catchThrowableOfType(
            CofferException.class,
            () ->
                parser.parse(
                    body(
                        document(
                            "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
                                + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
                                + "<BlockedEncryptionTypes><EncryptionType>SSE-C"
                                + "</EncryptionType></BlockedEncryptionTypes></Rule>"))));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
  }
}
