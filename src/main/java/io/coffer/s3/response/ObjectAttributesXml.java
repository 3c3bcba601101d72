package io.coffer.s3.response;

import io.coffer.model.ObjectMeta;
import io.coffer.model.Segment;
import io.coffer.model.StoredChecksum;
import io.coffer.s3.request.ObjectAttributeNames.Attribute;
import io.coffer.s3.xml.XmlWriter;
import io.coffer.service.ObjectAttributesService.PartsPage;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** GetObjectAttributesResponse: only the attributes asked for, in the order of S3's schema. */
public final class ObjectAttributesXml {
  private ObjectAttributesXml() {}

  /**
   * @param parts the page of parts of a multipart object, or null (not asked for, or an object
   *     stored in one piece: then there is no ObjectParts, as on AWS)
   */
  public static byte[] render(ObjectMeta object, @Nullable PartsPage parts, Set<Attribute> asked) {
    XmlWriter xml = XmlElements.document("GetObjectAttributesResponse");
    if (asked.contains(Attribute.ETAG)) {
      xml.element("ETag", object.etag()); // unquoted here, unlike everywhere else
    }
    StoredChecksum checksum = object.checksum();
    if (asked.contains(Attribute.CHECKSUM) && checksum != null) {
      xml.start("Checksum");
      XmlElements.checksum(xml, withoutPartCount(checksum), true);
      xml.end();
    }
    if (asked.contains(Attribute.OBJECT_PARTS) && parts != null) {
      objectParts(xml, parts, checksum);
    }
    if (asked.contains(Attribute.STORAGE_CLASS)) {
      xml.element("StorageClass", "STANDARD");
    }
    if (asked.contains(Attribute.OBJECT_SIZE)) {
      xml.element("ObjectSize", object.size());
    }
    xml.end();
    return xml.toBytes();
  }

  /**
   * The paging summary always; the parts themselves only when the object's checksum is COMPOSITE,
   * as on AWS (general purpose buckets list parts only with their checksums).
   */
  private static void objectParts(
      XmlWriter xml, PartsPage parts, @Nullable StoredChecksum checksum) {
    xml.start("ObjectParts");
    xml.element("PartsCount", parts.totalParts());
    xml.element("PartNumberMarker", parts.partNumberMarker());
    if (!parts.parts().isEmpty()) {
      xml.element("NextPartNumberMarker", parts.nextPartNumberMarker());
    }
    xml.element("MaxParts", parts.maxParts());
    xml.element("IsTruncated", parts.truncated());
    if (checksum != null && StoredChecksum.COMPOSITE.equals(checksum.type())) {
      for (Segment part : parts.parts()) {
        xml.start("Part");
        xml.element("PartNumber", part.partNumber());
        xml.element("Size", part.size());
        XmlElements.checksum(xml, part.checksum(), false);
        xml.end();
      }
    }
    xml.end();
  }

  /**
   * A composite checksum without its "-N" suffix: GetObjectAttributes gives the part count apart.
   */
  private static StoredChecksum withoutPartCount(StoredChecksum checksum) {
    String value = checksum.value();
    int dash = value.lastIndexOf('-');
    return StoredChecksum.COMPOSITE.equals(checksum.type()) && dash > 0
        ? new StoredChecksum(checksum.algorithm(), value.substring(0, dash), checksum.type())
        : checksum;
  }
}
