package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationRule.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PutBucketNotificationConfiguration's document: its shape is checked here, the events, targets and
 * overlaps by the service.
 */
class NotificationConfigurationXmlTest {
  private static final String ARN = "arn:coffer:sqs::hook:webhook";
  private final NotificationConfigurationXml parser = new NotificationConfigurationXml();

  @Test
  void queueAndTopicConfigurationsAreReadInOrderWithTheirFilters() {
    NotificationConfiguration parsed =
        parser.parse(
            body(
                """
                <NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <QueueConfiguration>
                    <Id>thumbnails</Id>
                    <Queue> arn:coffer:sqs::hook:webhook </Queue>
                    <Event>s3:ObjectCreated:*</Event>
                    <Event>s3:ObjectRemoved:Delete</Event>
                    <Filter><S3Key>
                      <FilterRule><Name>prefix</Name><Value>images/ </Value></FilterRule>
                      <FilterRule><Name>Suffix</Name><Value>.jpg</Value></FilterRule>
                    </S3Key></Filter>
                  </QueueConfiguration>
                  <TopicConfiguration>
                    <Topic>arn:coffer:sqs::bus:nats</Topic>
                    <Event>s3:ObjectTagging:*</Event>
                  </TopicConfiguration>
                </NotificationConfiguration>
                """));
    assertThat(parsed.rules())
        .containsExactly(
            new NotificationRule(
                "thumbnails",
                Kind.QUEUE,
                ARN,
                "",
                List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"),
                "images/ ",
                ".jpg"),
            new NotificationRule(
                "",
                Kind.TOPIC,
                "arn:coffer:sqs::bus:nats",
                "",
                List.of("s3:ObjectTagging:*"),
                "",
                ""));
  }

  @Test
  void anEmptyConfigurationHasNoRules() {
    assertThat(parser.parse(body("<NotificationConfiguration/>")).rules()).isEmpty();
    assertThat(
            parser
                .parse(
                    body(
                        "<NotificationConfiguration"
                            + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                            + "</NotificationConfiguration>"))
                .rules())
        .isEmpty();
  }

  @Test
  void anEmptyFilterFiltersNothing() {
    NotificationRule rule =
        parser
            .parse(
                body(
                    "<NotificationConfiguration><QueueConfiguration><Queue>"
                        + ARN
                        + "</Queue><Event>s3:ObjectCreated:Put</Event><Filter><S3Key/></Filter>"
                        + "</QueueConfiguration></NotificationConfiguration>"))
            .rules()
            .getFirst();
    assertThat(rule.prefix()).isEmpty();
    assertThat(rule.suffix()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // no destination
        "<QueueConfiguration><Event>s3:ObjectCreated:*</Event></QueueConfiguration>",
        // no event
        "<QueueConfiguration><Queue>" + ARN + "</Queue></QueueConfiguration>",
        // a topic's destination in a queue's configuration
        "<QueueConfiguration><Topic>"
            + ARN
            + "</Topic><Event>s3:ObjectCreated:*</Event>"
            + "</QueueConfiguration>",
        // two destinations
        "<QueueConfiguration><Queue>"
            + ARN
            + "</Queue><Queue>"
            + ARN
            + "</Queue>"
            + "<Event>s3:ObjectCreated:*</Event></QueueConfiguration>",
        // two IDs
        "<QueueConfiguration><Id>a</Id><Id>b</Id><Queue>"
            + ARN
            + "</Queue>"
            + "<Event>s3:ObjectCreated:*</Event></QueueConfiguration>",
        // an element the schema lacks
        "<QueueConfiguration><Queue>"
            + ARN
            + "</Queue><Event>s3:ObjectCreated:*</Event>"
            + "<Priority>1</Priority></QueueConfiguration>",
        "<Unknown/>",
        // a filter rule without its value
        "<QueueConfiguration><Queue>"
            + ARN
            + "</Queue><Event>s3:ObjectCreated:*</Event>"
            + "<Filter><S3Key><FilterRule><Name>prefix</Name></FilterRule></S3Key></Filter>"
            + "</QueueConfiguration>",
        // a filter on something else than the key
        "<QueueConfiguration><Queue>"
            + ARN
            + "</Queue><Event>s3:ObjectCreated:*</Event>"
            + "<Filter><S3Metadata/></Filter></QueueConfiguration>",
      })
  void aDocumentOfAnotherShapeIsMalformed(String configuration) {
    assertMalformed(
        () ->
            parser.parse(
                body(
                    "<NotificationConfiguration>"
                        + configuration
                        + "</NotificationConfiguration>")));
  }

  @Test
  void anotherRootIsMalformed() {
    assertMalformed(() -> parser.parse(body("<NotificationConfigurationX/>")));
  }

  @Test
  void lambdaAndEventBridgeDestinationsAreNotImplemented() {
    for (String destination :
        List.of(
            "<CloudFunctionConfiguration><CloudFunction>arn:aws:lambda:x</CloudFunction>"
                + "<Event>s3:ObjectCreated:*</Event></CloudFunctionConfiguration>",
            "<EventBridgeConfiguration/>")) {
      CofferException e =
          catchThrowableOfType(
              CofferException.class,
              () ->
                  parser.parse(
                      body(
                          "<NotificationConfiguration>"
                              + destination
                              + "</NotificationConfiguration>")));
      assertThat(e.code()).as(destination).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
    }
  }

  @Test
  void filterRulesAreAwsInvalidArguments() {
    assertInvalidFilter(
        "<FilterRule><Name>infix</Name><Value>x</Value></FilterRule>",
        "filter rule name must be either prefix or suffix");
    assertInvalidFilter(
        "<FilterRule><Name>prefix</Name><Value>a</Value></FilterRule>"
            + "<FilterRule><Name>prefix</Name><Value>b</Value></FilterRule>",
        "Cannot specify more than one prefix rule in a filter.");
    assertInvalidFilter(
        "<FilterRule><Name>suffix</Name><Value>a</Value></FilterRule>"
            + "<FilterRule><Name>Suffix</Name><Value>b</Value></FilterRule>",
        "Cannot specify more than one suffix rule in a filter.");
  }

  private void assertInvalidFilter(String rules, String message) {
    CofferException e =
        catchThrowableOfType(
            CofferException.class,
            () ->
                parser.parse(
                    body(
                        "<NotificationConfiguration><QueueConfiguration><Queue>"
                            + ARN
                            + "</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key>"
                            + rules
                            + "</S3Key></Filter></QueueConfiguration>"
                            + "</NotificationConfiguration>")));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).isEqualTo(message);
  }
}
