package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.TIME;
import static io.coffer.s3.response.Golden.TIME_TEXT;
import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.DefaultRetention;
import io.coffer.model.LegalHold;
import io.coffer.model.ObjectLock;
import io.coffer.model.RetentionMode;
import org.junit.jupiter.api.Test;

class ObjectLockXmlTest {
  @Test
  void objectLockConfigurationWithoutARule() {
    assertThat(text(ObjectLockXml.objectLockConfiguration(null)))
        .isEqualTo(
            document(
                "<ObjectLockConfiguration" + Golden.NS + ">",
                "<ObjectLockEnabled>Enabled</ObjectLockEnabled>",
                "</ObjectLockConfiguration>"));
  }

  @Test
  void objectLockConfigurationWithADefaultRetentionInDaysOrYears() {
    assertThat(
            text(
                ObjectLockXml.objectLockConfiguration(
                    new DefaultRetention(RetentionMode.GOVERNANCE, 30, null))))
        .isEqualTo(
            document(
                "<ObjectLockConfiguration" + Golden.NS + ">",
                "<ObjectLockEnabled>Enabled</ObjectLockEnabled>",
                "<Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>30</Days>",
                "</DefaultRetention></Rule></ObjectLockConfiguration>"));
    assertThat(
            text(
                ObjectLockXml.objectLockConfiguration(
                    new DefaultRetention(RetentionMode.COMPLIANCE, null, 2))))
        .contains("<Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Years>2</Years>");
  }

  @Test
  void retention() {
    assertThat(
            text(
                ObjectLockXml.retention(
                    new ObjectLock(RetentionMode.COMPLIANCE, TIME, LegalHold.ON))))
        .isEqualTo(
            document(
                "<Retention" + Golden.NS + "><Mode>COMPLIANCE</Mode>",
                "<RetainUntilDate>" + TIME_TEXT + "</RetainUntilDate></Retention>"));
  }

  @Test
  void legalHold() {
    assertThat(text(ObjectLockXml.legalHold(true)))
        .isEqualTo(document("<LegalHold" + Golden.NS + "><Status>ON</Status></LegalHold>"));
    assertThat(text(ObjectLockXml.legalHold(false)))
        .isEqualTo(document("<LegalHold" + Golden.NS + "><Status>OFF</Status></LegalHold>"));
  }
}
