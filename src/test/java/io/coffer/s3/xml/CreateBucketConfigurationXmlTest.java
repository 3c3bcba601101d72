package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateBucketConfigurationXmlTest {
  private final CreateBucketConfigurationXml parser = new CreateBucketConfigurationXml();

  @Test
  void readsLocationConstraintWithNamespace() {
    assertThat(
            parser.parse(
                body(
                    "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<LocationConstraint>eu-west-1</LocationConstraint>"
                        + "</CreateBucketConfiguration>")))
        .contains("eu-west-1");
  }

  @Test
  void readsPrettyPrintedLocationConstraintWithoutNamespace() {
    assertThat(
            parser.parse(
                body(
                    """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <CreateBucketConfiguration>
                      <LocationConstraint>
                        us-west-2
                      </LocationConstraint>
                      <Location><Name>ignored</Name><Type>AvailabilityZone</Type></Location>
                    </CreateBucketConfiguration>
                    """)))
        .contains("us-west-2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " \r\n\t",
        "<CreateBucketConfiguration/>",
        "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>",
        "<CreateBucketConfiguration><LocationConstraint/></CreateBucketConfiguration>",
        "<CreateBucketConfiguration><LocationConstraint> </LocationConstraint>"
            + "</CreateBucketConfiguration>",
      })
  void emptyBodiesAndConfigurationsHaveNoConstraint(String xml) {
    assertThat(parser.parse(body(xml))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x",
        "<CreateBucketConfiguration>",
        "<BucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>"
            + "</BucketConfiguration>",
        "<CreateBucketConfiguration><LocationConstraint>a</LocationConstraint>"
            + "<LocationConstraint>b</LocationConstraint></CreateBucketConfiguration>",
        "<CreateBucketConfiguration><LocationConstraint><x/></LocationConstraint>"
            + "</CreateBucketConfiguration>",
        "<CreateBucketConfiguration>eu-west-1</CreateBucketConfiguration>",
      })
  void rejectsMalformedDocuments(String xml) {
    assertMalformed(() -> parser.parse(body(xml)));
  }

  @Test
  void enforcesBodyLimitEvenForBlankBodies() {
    assertMalformed(() -> new CreateBucketConfigurationXml(3).parse(body("    ")));
    assertThat(new CreateBucketConfigurationXml(4).parse(body("    "))).isEmpty();
  }
}
