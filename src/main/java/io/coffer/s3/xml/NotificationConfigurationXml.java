package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the body of PutBucketNotificationConfiguration (and of the deprecated
 * PutBucketNotification, which sends the same elements):
 *
 * <pre>{@code
 * <NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <QueueConfiguration>
 *     <Id>thumbnails</Id>
 *     <Queue>arn:coffer:sqs::thumbnailer:webhook</Queue>
 *     <Event>s3:ObjectCreated:*</Event>
 *     <Filter><S3Key>
 *       <FilterRule><Name>prefix</Name><Value>images/</Value></FilterRule>
 *       <FilterRule><Name>suffix</Name><Value>.jpg</Value></FilterRule>
 *     </S3Key></Filter>
 *   </QueueConfiguration>
 *   <TopicConfiguration>...<Topic>arn:...</Topic>...</TopicConfiguration>
 * </NotificationConfiguration>
 * }</pre>
 *
 * <p>The document's shape is checked here: MalformedXML for a configuration without its destination
 * or without an Event, a repeated Id, Queue or Filter, or an element the schema lacks;
 * InvalidArgument, as AWS, for a filter rule named neither prefix nor suffix or given twice.
 * CloudFunctionConfiguration (Lambda) and EventBridgeConfiguration are NotImplemented: Coffer has
 * neither. An empty document removes the configuration. Values are kept as sent: the event names,
 * the ARNs (whose target the service resolves: the rules' target IDs are left empty here) and the
 * IDs (empty when absent, for the service to generate). Immutable and thread-safe.
 */
public final class NotificationConfigurationXml {

  /**
   * @throws CofferException MALFORMED_XML, INVALID_ARGUMENT or NOT_IMPLEMENTED as above
   */
  public NotificationConfiguration parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, S3Xml.DEFAULT_MAX_BODY_BYTES);
    return XmlCursor.parse(bytes, "NotificationConfiguration", NotificationConfigurationXml::read);
  }

  private static NotificationConfiguration read(XmlCursor cursor) throws XMLStreamException {
    List<NotificationRule> rules = new ArrayList<>();
    while (cursor.nextChild()) {
      if (cursor.at("QueueConfiguration")) {
        rules.add(rule(cursor, NotificationRule.Kind.QUEUE, "Queue"));
      } else if (cursor.at("TopicConfiguration")) {
        rules.add(rule(cursor, NotificationRule.Kind.TOPIC, "Topic"));
      } else if (cursor.at("CloudFunctionConfiguration")) {
        throw notImplemented("Lambda function destinations (CloudFunctionConfiguration)");
      } else if (cursor.at("EventBridgeConfiguration")) {
        throw notImplemented("Amazon EventBridge delivery (EventBridgeConfiguration)");
      } else {
        throw XmlCursor.malformed();
      }
    }
    return new NotificationConfiguration(rules);
  }

  private static NotificationRule rule(
      XmlCursor cursor, NotificationRule.Kind kind, String destinationElement)
      throws XMLStreamException {
    String id = null;
    String arn = null;
    Filter filter = null;
    List<String> events = new ArrayList<>();
    while (cursor.nextChild()) {
      if (cursor.at("Id")) {
        id = XmlCursor.once(id, cursor.text());
      } else if (cursor.at(destinationElement)) {
        arn = XmlCursor.once(arn, cursor.token());
      } else if (cursor.at("Event")) {
        events.add(cursor.token());
      } else if (cursor.at("Filter")) {
        filter = XmlCursor.once(filter, filter(cursor));
      } else {
        throw XmlCursor.malformed();
      }
    }
    if (arn == null || events.isEmpty()) {
      throw XmlCursor.malformed();
    }
    Filter f = filter == null ? new Filter(null, null) : filter;
    return new NotificationRule(
        id == null ? "" : id,
        kind,
        arn,
        "",
        events,
        f.prefix() == null ? "" : f.prefix(),
        f.suffix() == null ? "" : f.suffix());
  }

  /** A Filter's key rules; an empty Filter or S3Key filters nothing. */
  private record Filter(@Nullable String prefix, @Nullable String suffix) {}

  private static Filter filter(XmlCursor cursor) throws XMLStreamException {
    Filter filter = null;
    while (cursor.nextChild()) {
      if (!cursor.at("S3Key")) {
        throw XmlCursor.malformed();
      }
      filter = XmlCursor.once(filter, keyRules(cursor));
    }
    return filter == null ? new Filter(null, null) : filter;
  }

  private static Filter keyRules(XmlCursor cursor) throws XMLStreamException {
    String prefix = null;
    String suffix = null;
    while (cursor.nextChild()) {
      if (!cursor.at("FilterRule")) {
        throw XmlCursor.malformed();
      }
      String name = null;
      String value = null;
      while (cursor.nextChild()) {
        if (cursor.at("Name")) {
          name = XmlCursor.once(name, cursor.token());
        } else if (cursor.at("Value")) {
          value = XmlCursor.once(value, cursor.text());
        } else {
          throw XmlCursor.malformed();
        }
      }
      if (name == null || value == null) {
        throw XmlCursor.malformed();
      }
      // AWS documents the names in lower case and answers them capitalised: both are accepted.
      switch (name.toLowerCase(Locale.ROOT)) {
        case "prefix" -> {
          if (prefix != null) {
            throw invalidFilter("Cannot specify more than one prefix rule in a filter.", name);
          }
          prefix = value;
        }
        case "suffix" -> {
          if (suffix != null) {
            throw invalidFilter("Cannot specify more than one suffix rule in a filter.", name);
          }
          suffix = value;
        }
        default -> throw invalidFilter("filter rule name must be either prefix or suffix", name);
      }
    }
    return new Filter(prefix, suffix);
  }

  private static CofferException invalidFilter(String message, String name) {
    return CofferException.invalidArgument(message, "FilterRule", name);
  }

  private static CofferException notImplemented(String what) {
    return new CofferException(ErrorCode.NOT_IMPLEMENTED, what + " is not implemented by Coffer.");
  }
}
