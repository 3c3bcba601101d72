package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ErrorCode;
import io.coffer.model.RetentionMode;
import io.coffer.model.Versioning;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request documents of versioning and object lock, as the SDKs send them and as AWS checks. */
class ObjectLockXmlParsersTest {
  private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

  // ---- VersioningConfiguration ----

  @Test
  void versioningStatusIsEnabledOrSuspended() {
    VersioningConfigurationXml parser = new VersioningConfigurationXml();
    assertThat(
            parser.parse(
                body(
                    "<VersioningConfiguration"
                        + NS
                        + "><Status>Enabled</Status></VersioningConfiguration>")))
        .isEqualTo(Versioning.ENABLED);
    assertThat(
            parser.parse(
                body(
                    "<VersioningConfiguration>\n  <Status> Suspended </Status>\n"
                        + "  <MfaDelete>Disabled</MfaDelete>\n</VersioningConfiguration>")))
        .isEqualTo(Versioning.SUSPENDED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<VersioningConfiguration/>",
        "<VersioningConfiguration><Status>enabled</Status></VersioningConfiguration>",
        "<VersioningConfiguration><Status>Disabled</Status></VersioningConfiguration>",
        "<VersioningConfiguration><Status>Enabled</Status><Status>Enabled</Status>"
            + "</VersioningConfiguration>",
        "<VersioningConfiguration><Status>Enabled</Status><MfaDelete>Maybe</MfaDelete>"
            + "</VersioningConfiguration>",
        "<Versioning><Status>Enabled</Status></Versioning>",
      })
  void otherVersioningDocumentsAreMalformed(String xml) {
    assertMalformed(() -> new VersioningConfigurationXml().parse(body(xml)));
  }

  @Test
  void mfaDeleteIsNotImplemented() {
    CofferException e =
        catchThrowableOfType(
            CofferException.class,
            () ->
                new VersioningConfigurationXml()
                    .parse(
                        body(
                            "<VersioningConfiguration><Status>Enabled</Status>"
                                + "<MfaDelete>Enabled</MfaDelete></VersioningConfiguration>")));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
  }

  // ---- ObjectLockConfiguration ----

  @Test
  void lockConfigurationWithAndWithoutADefaultRetention() {
    ObjectLockConfigurationXml parser = new ObjectLockConfigurationXml();
    assertThat(
            parser.parse(
                body(
                    "<ObjectLockConfiguration"
                        + NS
                        + "><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
                        + "</ObjectLockConfiguration>")))
        .isEmpty();
    assertThat(
            parser.parse(
                body(
                    "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
                        + "<Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>30</Days>"
                        + "</DefaultRetention></Rule></ObjectLockConfiguration>")))
        .contains(new DefaultRetention(RetentionMode.GOVERNANCE, 30, null));
    assertThat(
            parser.parse(
                body(
                    "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
                        + "<Rule><DefaultRetention><Years>2</Years><Mode>COMPLIANCE</Mode>"
                        + "</DefaultRetention></Rule></ObjectLockConfiguration>")))
        .contains(new DefaultRetention(RetentionMode.COMPLIANCE, null, 2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<ObjectLockConfiguration/>",
        "<ObjectLockConfiguration><ObjectLockEnabled>Disabled</ObjectLockEnabled>"
            + "</ObjectLockConfiguration>",
        "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule/>"
            + "</ObjectLockConfiguration>",
        "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>"
            + "<DefaultRetention><Mode>GOVERNANCE</Mode></DefaultRetention></Rule>"
            + "</ObjectLockConfiguration>",
        "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>"
            + "<DefaultRetention><Mode>GOVERNANCE</Mode><Days>1</Days><Years>1</Years>"
            + "</DefaultRetention></Rule></ObjectLockConfiguration>",
        "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>"
            + "<DefaultRetention><Days>1</Days></DefaultRetention></Rule>"
            + "</ObjectLockConfiguration>",
        "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>"
            + "<DefaultRetention><Mode>governance</Mode><Days>1</Days></DefaultRetention></Rule>"
            + "</ObjectLockConfiguration>",
        "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>"
            + "<DefaultRetention><Mode>GOVERNANCE</Mode><Days>ten</Days></DefaultRetention>"
            + "</Rule></ObjectLockConfiguration>",
      })
  void otherLockConfigurationsAreMalformed(String xml) {
    assertMalformed(() -> new ObjectLockConfigurationXml().parse(body(xml)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"<Days>0</Days>", "<Days>-1</Days>", "<Years>0</Years>", "<Years>101</Years>"})
  void aPeriodThatIsNotPositiveOrTooLongIsAnInvalidArgument(String period) {
    CofferException e =
        catchThrowableOfType(
            CofferException.class,
            () ->
                new ObjectLockConfigurationXml()
                    .parse(
                        body(
                            "<ObjectLockConfiguration><ObjectLockEnabled>Enabled"
                                + "</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE"
                                + "</Mode>"
                                + period
                                + "</DefaultRetention></Rule></ObjectLockConfiguration>")));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  // ---- Retention ----

  @Test
  void retentionModeAndDate() {
    RetentionXml parser = new RetentionXml();
    assertThat(
            parser.parse(
                body(
                    "<Retention"
                        + NS
                        + "><Mode>COMPLIANCE</Mode>"
                        + "<RetainUntilDate>2030-01-02T03:04:05.678Z</RetainUntilDate></Retention>")))
        .isEqualTo(
            new RetentionXml.Requested(
                RetentionMode.COMPLIANCE, Instant.parse("2030-01-02T03:04:05.678Z")));
    assertThat(
            parser.parse(
                body(
                    "<Retention><RetainUntilDate>2030-01-02T05:04:05+02:00</RetainUntilDate>"
                        + "<Mode>GOVERNANCE</Mode></Retention>")))
        .isEqualTo(
            new RetentionXml.Requested(
                RetentionMode.GOVERNANCE, Instant.parse("2030-01-02T03:04:05Z")));
    assertThat(parser.parse(body("<Retention/>")))
        .isEqualTo(new RetentionXml.Requested(null, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<Retention><Mode>LOCKED</Mode></Retention>",
        "<Retention><RetainUntilDate>tomorrow</RetainUntilDate></Retention>",
        "<Retention><RetainUntilDate>2030-01-02</RetainUntilDate></Retention>",
        "<Retention><Mode>GOVERNANCE</Mode><Mode>GOVERNANCE</Mode></Retention>",
        "<LegalHold><Status>ON</Status></LegalHold>",
      })
  void otherRetentionsAreMalformed(String xml) {
    assertMalformed(() -> new RetentionXml().parse(body(xml)));
  }

  // ---- LegalHold ----

  @Test
  void legalHoldIsOnOrOff() {
    assertThat(
            new LegalHoldXml().parse(body("<LegalHold" + NS + "><Status>ON</Status></LegalHold>")))
        .isTrue();
    assertThat(new LegalHoldXml().parse(body("<LegalHold><Status>OFF</Status></LegalHold>")))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<LegalHold/>",
        "<LegalHold><Status>on</Status></LegalHold>",
        "<LegalHold><Status>TRUE</Status></LegalHold>",
        "<Retention><Status>ON</Status></Retention>",
      })
  void otherLegalHoldsAreMalformed(String xml) {
    assertMalformed(() -> new LegalHoldXml().parse(body(xml)));
  }
}
