package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.NS;
import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationRule.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationXmlTest {
  @Test
  void topicsComeBeforeQueuesAsTheSchemaOrdersThem() {
    NotificationConfiguration configuration =
        new NotificationConfiguration(
            List.of(
                new NotificationRule(
                    "thumbs & co",
                    Kind.QUEUE,
                    "arn:coffer:sqs::hook:webhook",
                    "hook",
                    List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"),
                    "images/",
                    ".jpg"),
                new NotificationRule(
                    "t1",
                    Kind.TOPIC,
                    "arn:coffer:sqs::bus:nats",
                    "bus",
                    List.of("s3:ObjectTagging:Put"),
                    "",
                    ".txt")));
    assertThat(text(NotificationXml.notificationConfiguration(configuration)))
        .isEqualTo(
            document(
                "<NotificationConfiguration" + NS + ">",
                "<TopicConfiguration>",
                "<Id>t1</Id>",
                "<Topic>arn:coffer:sqs::bus:nats</Topic>",
                "<Event>s3:ObjectTagging:Put</Event>",
                "<Filter><S3Key>",
                "<FilterRule><Name>Suffix</Name><Value>.txt</Value></FilterRule>",
                "</S3Key></Filter>",
                "</TopicConfiguration>",
                "<QueueConfiguration>",
                "<Id>thumbs &amp; co</Id>",
                "<Queue>arn:coffer:sqs::hook:webhook</Queue>",
                "<Event>s3:ObjectCreated:*</Event>",
                "<Event>s3:ObjectRemoved:Delete</Event>",
                "<Filter><S3Key>",
                "<FilterRule><Name>Prefix</Name><Value>images/</Value></FilterRule>",
                "<FilterRule><Name>Suffix</Name><Value>.jpg</Value></FilterRule>",
                "</S3Key></Filter>",
                "</QueueConfiguration>",
                "</NotificationConfiguration>"));
  }

  @Test
  void noConfigurationIsAnEmptyDocument() {
    assertThat(
            text(
                NotificationXml.notificationConfiguration(
                    new NotificationConfiguration(List.of()))))
        .isEqualTo(document("<NotificationConfiguration" + NS + "></NotificationConfiguration>"));
  }
}
