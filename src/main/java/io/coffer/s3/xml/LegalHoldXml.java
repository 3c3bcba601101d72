package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;

/**
 * Parses the body of PutObjectLegalHold:
 *
 * <pre>{@code
 * <LegalHold xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>ON</Status></LegalHold>
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class LegalHoldXml {
  private final int maxBodyBytes;

  public LegalHoldXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public LegalHoldXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * @return whether the hold is to be ON
   * @throws CofferException MALFORMED_XML for a body that is not such a document or a Status other
   *     than ON or OFF (or none)
   */
  public boolean parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    return XmlCursor.parse(bytes, "LegalHold", LegalHoldXml::read);
  }

  private static boolean read(XmlCursor cursor) throws XMLStreamException {
    String status = null;
    while (cursor.nextChild()) {
      if (cursor.at("Status")) {
        status = XmlCursor.once(status, cursor.token());
      } else {
        cursor.skip();
      }
    }
    if ("ON".equals(status)) {
      return true;
    }
    if ("OFF".equals(status)) {
      return false;
    }
    throw XmlCursor.malformed();
  }
}
