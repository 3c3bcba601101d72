package io.coffer.s3.response;

import io.coffer.s3.xml.XmlWriter;
import java.util.Map;

/** The Tagging document GetObjectTagging and GetBucketTagging answer. */
public final class TagsXml {
  private TagsXml() {}

  /** The tags in their stored order; an empty set is an empty TagSet. */
  public static byte[] tagging(Map<String, String> tags) {
    XmlWriter xml = XmlElements.document("Tagging");
    xml.start("TagSet");
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      xml.start("Tag");
      xml.element("Key", tag.getKey());
      xml.element("Value", tag.getValue());
      xml.end();
    }
    xml.end();
    xml.end();
    return xml.toBytes();
  }
}
