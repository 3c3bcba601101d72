package io.coffer.s3.response;

import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.s3.xml.XmlWriter;

/**
 * GetBucketNotificationConfiguration's answer: the rules as put (each with its ID, generated when
 * the request had none), TopicConfigurations before QueueConfigurations as S3's schema orders them,
 * each in the order given. A bucket without a configuration answers an empty document, as S3 does.
 */
public final class NotificationXml {
  private NotificationXml() {}

  public static byte[] notificationConfiguration(NotificationConfiguration configuration) {
    XmlWriter xml = XmlElements.document("NotificationConfiguration");
    for (NotificationRule rule : configuration.rules()) {
      if (rule.kind() == NotificationRule.Kind.TOPIC) {
        rule(xml, rule, "TopicConfiguration", "Topic");
      }
    }
    for (NotificationRule rule : configuration.rules()) {
      if (rule.kind() == NotificationRule.Kind.QUEUE) {
        rule(xml, rule, "QueueConfiguration", "Queue");
      }
    }
    xml.end();
    return xml.toBytes();
  }

  private static void rule(
      XmlWriter xml, NotificationRule rule, String element, String destinationElement) {
    xml.start(element);
    xml.element("Id", rule.id());
    xml.element(destinationElement, rule.targetArn());
    for (String event : rule.events()) {
      xml.element("Event", event);
    }
    if (!rule.prefix().isEmpty() || !rule.suffix().isEmpty()) {
      xml.start("Filter");
      xml.start("S3Key");
      if (!rule.prefix().isEmpty()) {
        filterRule(xml, "Prefix", rule.prefix());
      }
      if (!rule.suffix().isEmpty()) {
        filterRule(xml, "Suffix", rule.suffix());
      }
      xml.end();
      xml.end();
    }
    xml.end();
  }

  private static void filterRule(XmlWriter xml, String name, String value) {
    xml.start("FilterRule");
    xml.element("Name", name);
    xml.element("Value", value);
    xml.end();
  }
}
