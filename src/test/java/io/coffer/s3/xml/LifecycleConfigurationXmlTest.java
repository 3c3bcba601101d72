package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PutBucketLifecycleConfiguration document as the SDKs send it, and its structure checks. */
class LifecycleConfigurationXmlTest {
  private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

  private static LifecycleConfiguration parse(String rules) {
    return new LifecycleConfigurationXml()
        .parse(body("<LifecycleConfiguration" + NS + ">" + rules + "</LifecycleConfiguration>"));
  }

  private static LifecycleRule rule(String content) {
    return parse("<Rule>" + content + "</Rule>").rules().getFirst();
  }

  @Test
  void aRuleWithEveryAction() {
    LifecycleConfiguration parsed =
        parse(
            "<Rule><ID>logs</ID>"
                + "<Filter><And><Prefix>logs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag>"
                + "<ObjectSizeGreaterThan>10</ObjectSizeGreaterThan></And></Filter>"
                + "<Status>Enabled</Status><Expiration><Days>30</Days></Expiration>"
                + "<NoncurrentVersionExpiration><NoncurrentDays>7</NoncurrentDays>"
                + "<NewerNoncurrentVersions>2</NewerNoncurrentVersions>"
                + "</NoncurrentVersionExpiration>"
                + "<AbortIncompleteMultipartUpload><DaysAfterInitiation>3</DaysAfterInitiation>"
                + "</AbortIncompleteMultipartUpload></Rule>"
                + "<Rule><Prefix>tmp/</Prefix><Status>Disabled</Status>"
                + "<Expiration><Date>2027-01-01T00:00:00.000Z</Date></Expiration></Rule>");
    assertThat(parsed.rules())
        .containsExactly(
            new LifecycleRule(
                "logs",
                true,
                new LifecycleFilter("logs/", Map.of("k", "v"), 10L, null, false),
                new LifecycleExpiration(30, null, false),
                new NoncurrentVersionExpiration(7, 2),
                3),
            new LifecycleRule(
                "",
                false,
                new LifecycleFilter("tmp/", Map.of(), null, null, true),
                new LifecycleExpiration(null, LocalDate.of(2027, 1, 1), false),
                null,
                null));
  }

  @Test
  void filtersWithOnePredicateOrNone() {
    assertThat(
            rule("<Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>")
                .filter())
        .isEqualTo(LifecycleFilter.EVERYTHING);
    assertThat(
            rule("<Filter><Prefix></Prefix></Filter><Status>Enabled</Status>"
                    + "<Expiration><Days>1</Days></Expiration>")
                .filter())
        .isEqualTo(new LifecycleFilter("", Map.of(), null, null, false));
    assertThat(
            rule("<Filter><Tag><Key>a</Key><Value></Value></Tag></Filter><Status>Enabled</Status>"
                    + "<Expiration><Days>1</Days></Expiration>")
                .filter()
                .tags())
        .isEqualTo(Map.of("a", ""));
    assertThat(
            rule("<Filter><ObjectSizeLessThan>5</ObjectSizeLessThan></Filter>"
                    + "<Status>Enabled</Status><Expiration><Days>1</Days></Expiration>")
                .filter()
                .sizeLessThan())
        .isEqualTo(5L);
  }

  @Test
  void expiredObjectDeleteMarker() {
    assertThat(
            rule("<Filter/><Status>Enabled</Status>"
                    + "<Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker>"
                    + "</Expiration>")
                .expiration())
        .isEqualTo(new LifecycleExpiration(null, null, true));
  }

  @Test
  void expiredObjectDeleteMarkerFalseAsksForNothing() {
    assertThat(
            rule("<Filter/><Status>Enabled</Status><Expiration><Days>5</Days>"
                    + "<ExpiredObjectDeleteMarker>false</ExpiredObjectDeleteMarker></Expiration>")
                .expiration())
        .isEqualTo(new LifecycleExpiration(5, null, false));
    assertThat(
            rule("<Filter/><Status>Enabled</Status><Expiration>"
                    + "<ExpiredObjectDeleteMarker>false</ExpiredObjectDeleteMarker></Expiration>"
                    + "<AbortIncompleteMultipartUpload><DaysAfterInitiation>1"
                    + "</DaysAfterInitiation></AbortIncompleteMultipartUpload>")
                .expiration())
        .isNull();
  }

  @Test
  void datesAreIso8601AtMidnightUtc() {
    assertThat(LifecycleConfigurationXml.date("2027-03-04T00:00:00Z"))
        .isEqualTo(LocalDate.of(2027, 3, 4));
    assertThat(LifecycleConfigurationXml.date("2027-03-04")).isEqualTo(LocalDate.of(2027, 3, 4));
    assertThat(LifecycleConfigurationXml.date("2027-03-04T02:00:00+02:00"))
        .isEqualTo(LocalDate.of(2027, 3, 4));
    CofferException e =
        catchThrowableOfType(
            CofferException.class, () -> LifecycleConfigurationXml.date("2027-03-04T01:00:00Z"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).isEqualTo("'Date' must be at midnight GMT");
    assertMalformed(() -> LifecycleConfigurationXml.date("March 4th"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<Transition><Days>30</Days><StorageClass>GLACIER</StorageClass></Transition>",
        "<NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays>"
            + "<StorageClass>STANDARD_IA</StorageClass></NoncurrentVersionTransition>",
      })
  void transitionsAreRefusedWithInvalidStorageClass(String transition) {
    CofferException e =
        catchThrowableOfType(
            CofferException.class, () -> rule("<Filter/><Status>Enabled</Status>" + transition));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STORAGE_CLASS);
  }

  @Test
  void aTagKeyTwiceInAFilterIsInvalidArgument() {
    CofferException e =
        catchThrowableOfType(
            CofferException.class,
            () ->
                rule(
                    "<Filter><And><Tag><Key>a</Key><Value>1</Value></Tag>"
                        + "<Tag><Key>a</Key><Value>2</Value></Tag></And></Filter>"
                        + "<Status>Enabled</Status><Expiration><Days>1</Days></Expiration>"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void moreThan1000RulesAreMalformed() {
    String oneRule =
        "<Rule><Filter/><Status>Enabled</Status><Expiration><Days>1</Days>"
            + "</Expiration></Rule>";
    assertThat(parse(oneRule.repeat(1000)).rules()).hasSize(1000);
    assertMalformed(() -> parse(oneRule.repeat(1001)));
  }

  private static final String ACTION = "<Expiration><Days>1</Days></Expiration>";

  @ParameterizedTest
  @ValueSource(
      strings = {
        // no rule, or something else than rules
        "",
        "<Other/>",
        // neither a Filter nor a Prefix, or both
        "<Rule><Status>Enabled</Status>" + ACTION + "</Rule>",
        "<Rule><Prefix>a</Prefix><Filter/><Status>Enabled</Status>" + ACTION + "</Rule>",
        // Status missing or not Enabled/Disabled
        "<Rule><Filter/>" + ACTION + "</Rule>",
        "<Rule><Filter/><Status>enabled</Status>" + ACTION + "</Rule>",
        // two predicates without And; And with fewer than two; And beside a predicate
        "<Rule><Filter><Prefix>a</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter>"
            + "<Status>Enabled</Status>"
            + ACTION
            + "</Rule>",
        "<Rule><Filter><ObjectSizeGreaterThan>1</ObjectSizeGreaterThan>"
            + "<ObjectSizeLessThan>9</ObjectSizeLessThan></Filter>"
            + "<Status>Enabled</Status>"
            + ACTION
            + "</Rule>",
        "<Rule><Filter><And><Prefix>a</Prefix></And></Filter><Status>Enabled</Status>"
            + ACTION
            + "</Rule>",
        "<Rule><Filter><Prefix>a</Prefix><And><Prefix>a</Prefix>"
            + "<Tag><Key>k</Key><Value>v</Value></Tag></And></Filter><Status>Enabled</Status>"
            + ACTION
            + "</Rule>",
        // a Tag without its Value
        "<Rule><Filter><Tag><Key>k</Key></Tag></Filter><Status>Enabled</Status>"
            + ACTION
            + "</Rule>",
        // an Expiration with none or two of its choices, numbers that are not
        "<Rule><Filter/><Status>Enabled</Status><Expiration/></Rule>",
        "<Rule><Filter/><Status>Enabled</Status>" + ACTION + ACTION + "</Rule>",
        "<Rule><Filter/><Status>Enabled</Status><Expiration><Days>1</Days>"
            + "<ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule>",
        "<Rule><Filter/><Status>Enabled</Status><Expiration><Days>x</Days></Expiration></Rule>",
        "<Rule><Filter/><Status>Enabled</Status><Expiration><Days>99999999999</Days>"
            + "</Expiration></Rule>",
        "<Rule><Filter/><Status>Enabled</Status><Expiration>"
            + "<ExpiredObjectDeleteMarker>yes</ExpiredObjectDeleteMarker></Expiration></Rule>",
        // NoncurrentVersionExpiration and AbortIncompleteMultipartUpload without their days
        "<Rule><Filter/><Status>Enabled</Status><NoncurrentVersionExpiration>"
            + "<NewerNoncurrentVersions>1</NewerNoncurrentVersions>"
            + "</NoncurrentVersionExpiration></Rule>",
        "<Rule><Filter/><Status>Enabled</Status><AbortIncompleteMultipartUpload/></Rule>",
        // an element Coffer does not know is refused, never ignored
        "<Rule><Filter/><Status>Enabled</Status>" + ACTION + "<Replicate/></Rule>",
        "<Rule><Filter><Suffix>.log</Suffix></Filter><Status>Enabled</Status>" + ACTION + "</Rule>",
        // a repeated element
        "<Rule><ID>a</ID><ID>b</ID><Filter/><Status>Enabled</Status>" + ACTION + "</Rule>",
      })
  void otherDocumentsAreMalformed(String rules) {
    assertMalformed(() -> parse(rules));
  }

  @Test
  void aDocumentWithAnotherRootIsMalformed() {
    assertMalformed(
        () ->
            new LifecycleConfigurationXml()
                .parse(
                    body("<BucketLifecycleConfiguration><Rule/></BucketLifecycleConfiguration>")));
  }

  @Test
  void rulesKeepTheirOrder() {
    List<String> ids =
        parse(
                "<Rule><ID>b</ID><Filter/><Status>Enabled</Status>"
                    + ACTION
                    + "</Rule>"
                    + "<Rule><ID>a</ID><Filter/><Status>Enabled</Status>"
                    + ACTION
                    + "</Rule>")
            .rules()
            .stream()
            .map(LifecycleRule::id)
            .toList();
    assertThat(ids).containsExactly("b", "a");
  }
}
