package io.coffer.s3.response;

import io.coffer.http.HttpDates;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.s3.xml.XmlWriter;

/** CopyObjectResult and CopyPartResult. */
public final class CopyXml {
  private CopyXml() {}

  /** The copy as written. */
  public static byte[] copyObjectResult(ObjectMeta copy) {
    XmlWriter xml = XmlElements.document("CopyObjectResult");
    xml.element("LastModified", HttpDates.iso8601(copy.updatedAt()));
    xml.element("ETag", ObjectHeaders.quoted(copy.etag()));
    XmlElements.checksum(xml, copy.checksum(), true);
    xml.end();
    return xml.toBytes();
  }

  public static byte[] copyPartResult(Part part) {
    XmlWriter xml = XmlElements.document("CopyPartResult");
    xml.element("LastModified", HttpDates.iso8601(part.lastModified()));
    xml.element("ETag", ObjectHeaders.quoted(part.etag()));
    XmlElements.checksum(xml, part.checksum(), false);
    xml.end();
    return xml.toBytes();
  }
}
