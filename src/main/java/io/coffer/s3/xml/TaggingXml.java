package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.service.TagSets;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;

/**
 * Parses a Tagging document, the body of PutObjectTagging and PutBucketTagging and the {@code
 * tagging} field of a POST upload:
 *
 * <pre>{@code
 * <Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <TagSet>
 *     <Tag><Key>team</Key><Value>red</Value></Tag>
 *   </TagSet>
 * </Tagging>
 * }</pre>
 *
 * <p>The TagSet, and a Key and a Value in each Tag, are required (MalformedXML without); keys and
 * values are taken verbatim, white space included. A key given twice is InvalidTag. The tag set's
 * limits (count, lengths, characters) are left to {@link TagSets#validateObjectTags} or {@link
 * TagSets#validateBucketTags}, which differ. Immutable and thread-safe.
 */
public final class TaggingXml {
  private final int maxBodyBytes;

  public TaggingXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public TaggingXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * The tags in document order.
   *
   * @throws CofferException MALFORMED_XML for anything but such a document, INVALID_TAG for a
   *     duplicate key
   */
  public Map<String, String> parse(InputStream body) {
    return parse(BoundedBody.read(body, maxBodyBytes));
  }

  /** As {@link #parse(InputStream)}, for a document already in memory (a form field). */
  public Map<String, String> parse(byte[] document) {
    List<Map.Entry<String, String>> pairs = XmlCursor.parse(document, "Tagging", TaggingXml::read);
    return TagSets.fromPairs(pairs);
  }

  private static List<Map.Entry<String, String>> read(XmlCursor cursor) throws XMLStreamException {
    List<Map.Entry<String, String>> tags = null;
    while (cursor.nextChild()) {
      if (cursor.at("TagSet")) {
        tags = XmlCursor.once(tags, readTagSet(cursor));
      } else {
        cursor.skip();
      }
    }
    if (tags == null) {
      throw XmlCursor.malformed();
    }
    return tags;
  }

  private static List<Map.Entry<String, String>> readTagSet(XmlCursor cursor)
      throws XMLStreamException {
    List<Map.Entry<String, String>> tags = new ArrayList<>();
    while (cursor.nextChild()) {
      if (cursor.at("Tag")) {
        tags.add(readTag(cursor));
      } else {
        cursor.skip();
      }
    }
    return tags;
  }

  private static Map.Entry<String, String> readTag(XmlCursor cursor) throws XMLStreamException {
    String key = null;
    String value = null;
    while (cursor.nextChild()) {
      if (cursor.at("Key")) {
        key = XmlCursor.once(key, cursor.text());
      } else if (cursor.at("Value")) {
        value = XmlCursor.once(value, cursor.text());
      } else {
        cursor.skip();
      }
    }
    if (key == null || value == null) {
      throw XmlCursor.malformed();
    }
    return Map.entry(key, value);
  }
}
