package io.coffer.s3.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.PublicAccessBlock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request documents of PutBucketAcl/PutObjectAcl, ownership controls and PAB. */
class AccessControlDocumentsTest {
  static ByteArrayInputStream body(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  static String grant(String type, String inner, String permission) {
    return "<AccessControlPolicy><Owner><ID>7</ID></Owner><AccessControlList><Grant>"
        + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\""
        + type
        + "\">"
        + inner
        + "</Grantee><Permission>"
        + permission
        + "</Permission></Grant></AccessControlList></AccessControlPolicy>";
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "<AccessControlPolicy><AccessControlList/></AccessControlPolicy> | MalformedACLError",
        "<AccessControlPolicy><Owner><ID>7</ID></Owner> | MalformedACLError",
        "'' | MalformedACLError",
      })
  void malformedDocumentsAreMalformedAclError(String xml, String code) {
    CofferException e =
        catchThrowableOfType(
            CofferException.class, () -> new AccessControlPolicyXml().parse(body(xml)));
    assertThat(e.code().s3Code()).isEqualTo(code);
  }

  @Test
  void granteesAreRefusedAsS3RefusesThem() {
    assertThat(code(grant("CanonicalUser", "<ID>7</ID>", "READ_EVERYTHING")))
        .isEqualTo("MalformedACLError");
    assertThat(code(grant("Robot", "<ID>7</ID>", "READ"))).isEqualTo("MalformedACLError");
    assertThat(code(grant("CanonicalUser", "<ID>abc</ID>", "READ"))).isEqualTo("InvalidArgument");
    assertThat(code(grant("Group", "<URI>http://example.com/all</URI>", "READ")))
        .isEqualTo("InvalidArgument");
    assertThat(
            code(
                grant(
                    "AmazonCustomerByEmail", "<EmailAddress>a@example.com</EmailAddress>", "READ")))
        .isEqualTo("UnresolvableGrantByEmailAddress");
  }

  static String code(String xml) {
    return catchThrowableOfType(
            CofferException.class, () -> new AccessControlPolicyXml().parse(body(xml)))
        .code()
        .s3Code();
  }

  @Test
  void ownershipControlsAndPublicAccessBlock() {
    assertThat(
            new OwnershipControlsXml()
                .parse(
                    body(
                        "<OwnershipControls><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership>"
                            + "</Rule></OwnershipControls>")))
        .isEqualTo(ObjectOwnership.OBJECT_WRITER);
    assertThat(
            catchThrowableOfType(
                    CofferException.class,
                    () -> new OwnershipControlsXml().parse(body("<OwnershipControls/>")))
                .code()
                .s3Code())
        .isEqualTo("MalformedXML");
    assertThat(
            new PublicAccessBlockXml()
                .parse(
                    body(
                        "<PublicAccessBlockConfiguration><BlockPublicPolicy>true</BlockPublicPolicy>"
                            + "</PublicAccessBlockConfiguration>")))
        .isEqualTo(new PublicAccessBlock(false, false, true, false));
    assertThat(
            catchThrowableOfType(
                    CofferException.class,
                    () ->
                        new PublicAccessBlockXml()
                            .parse(
                                body(
                                    "<PublicAccessBlockConfiguration><BlockPublicAcls>yes"
                                        + "</BlockPublicAcls></PublicAccessBlockConfiguration>")))
                .code()
                .s3Code())
        .isEqualTo("MalformedXML");
  }
}
