package io.coffer.s3.response;

import io.coffer.s3.xml.XmlWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Error document: the one place error XML is written. */
public final class ErrorXml {
  private ErrorXml() {}

  /**
   * @param fields extra elements the error carries (ArgumentName, ...), in order
   * @param resource the path asked for, or null
   */
  public static byte[] error(
      String code,
      String message,
      Map<String, String> fields,
      @Nullable String resource,
      String requestId) {
    XmlWriter xml = new XmlWriter();
    xml.start("Error");
    xml.element("Code", code);
    xml.element("Message", message);
    fields.forEach(xml::element);
    xml.element("Resource", resource);
    xml.element("RequestId", requestId);
    xml.end();
    return xml.toBytes();
  }
}
