package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Parses the body of DeleteObjects:
 *
 * <pre>{@code
 * <Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <Object><Key>a</Key><VersionId>v</VersionId></Object>
 *   <Quiet>true</Quiet>
 * </Delete>
 * }</pre>
 *
 * <p>Keys and version IDs are kept exactly as sent, whitespace included, since keys may
 * legitimately begin or end with spaces or newlines. Unknown elements (such as the ETag and Size
 * conditions of newer SDKs) are ignored. Immutable and thread-safe.
 */
public final class DeleteObjectsXml {
  /** S3's limit on keys per request; more is MalformedXML there too. */
  public static final int MAX_OBJECTS = 1000;

  private final int maxBodyBytes;

  public DeleteObjectsXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public DeleteObjectsXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * @throws CofferException MALFORMED_XML for a body that is not well-formed, is too large, has
   *     another root, has no Object or more than 1000, has an Object without Key, or a Quiet that
   *     is not a boolean
   */
  public DeleteObjectsRequest parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    DeleteObjectsRequest request = XmlCursor.parse(bytes, "Delete", DeleteObjectsXml::readDelete);
    if (request.objects().isEmpty()) {
      throw XmlCursor.malformed();
    }
    return request;
  }

  private static DeleteObjectsRequest readDelete(XmlCursor cursor) throws XMLStreamException {
    Boolean quiet = null;
    List<ObjectToDelete> objects = new ArrayList<>();
    while (cursor.nextChild()) {
      if (cursor.at("Object")) {
        if (objects.size() == MAX_OBJECTS) {
          throw XmlCursor.malformed();
        }
        objects.add(readObject(cursor));
      } else if (cursor.at("Quiet")) {
        quiet = XmlCursor.once(quiet, bool(cursor.token()));
      } else {
        cursor.skip();
      }
    }
    return new DeleteObjectsRequest(quiet != null && quiet, objects);
  }

  private static ObjectToDelete readObject(XmlCursor cursor) throws XMLStreamException {
    String key = null;
    String versionId = null;
    while (cursor.nextChild()) {
      if (cursor.at("Key")) {
        key = XmlCursor.once(key, cursor.text());
      } else if (cursor.at("VersionId")) {
        versionId = XmlCursor.once(versionId, cursor.text());
      } else {
        cursor.skip();
      }
    }
    if (key == null) {
      throw XmlCursor.malformed();
    }
    return new ObjectToDelete(key, versionId);
  }

  /** xs:boolean's lexical forms, plus any capitalisation of true/false as SDKs have sent. */
  private static boolean bool(String text) {
    if (text.equalsIgnoreCase("true") || text.equals("1")) {
      return true;
    }
    if (text.equalsIgnoreCase("false") || text.equals("0")) {
      return false;
    }
    throw XmlCursor.malformed();
  }
}
