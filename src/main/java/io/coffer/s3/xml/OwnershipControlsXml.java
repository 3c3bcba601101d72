package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.ObjectOwnership;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;

/**
 * Parses the body of PutBucketOwnershipControls:
 *
 * <pre>{@code
 * <OwnershipControls xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <Rule><ObjectOwnership>BucketOwnerPreferred</ObjectOwnership></Rule>
 * </OwnershipControls>
 * }</pre>
 *
 * <p>Exactly one Rule with one of AWS's three values; anything else is MalformedXML. Immutable and
 * thread-safe.
 */
public final class OwnershipControlsXml {
  private final int maxBodyBytes;

  public OwnershipControlsXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public OwnershipControlsXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * @throws CofferException MALFORMED_XML for anything but such a document
   */
  public ObjectOwnership parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    return XmlCursor.parse(bytes, "OwnershipControls", OwnershipControlsXml::read);
  }

  private static ObjectOwnership read(XmlCursor cursor) throws XMLStreamException {
    ObjectOwnership rule = null;
    while (cursor.nextChild()) {
      if (cursor.at("Rule")) {
        rule = XmlCursor.once(rule, readRule(cursor));
      } else {
        cursor.skip();
      }
    }
    if (rule == null) {
      throw XmlCursor.malformed();
    }
    return rule;
  }

  private static ObjectOwnership readRule(XmlCursor cursor) throws XMLStreamException {
    String value = null;
    while (cursor.nextChild()) {
      if (cursor.at("ObjectOwnership")) {
        value = XmlCursor.once(value, cursor.token());
      } else {
        cursor.skip();
      }
    }
    if (value == null) {
      throw XmlCursor.malformed();
    }
    return ObjectOwnership.fromAwsName(value).orElseThrow(XmlCursor::malformed);
  }
}
