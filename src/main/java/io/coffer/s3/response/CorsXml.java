package io.coffer.s3.response;

import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import io.coffer.s3.xml.XmlWriter;
import java.util.List;

/** GetBucketCors' answer: the rules as stored, members in the order of S3's schema. */
public final class CorsXml {
  private CorsXml() {}

  public static byte[] corsConfiguration(CorsConfiguration configuration) {
    XmlWriter xml = XmlElements.document("CORSConfiguration");
    for (CorsRule rule : configuration.rules()) {
      xml.start("CORSRule");
      xml.element("ID", rule.id());
      each(xml, "AllowedHeader", rule.allowedHeaders());
      each(xml, "AllowedMethod", rule.allowedMethods());
      each(xml, "AllowedOrigin", rule.allowedOrigins());
      each(xml, "ExposeHeader", rule.exposeHeaders());
      Integer maxAge = rule.maxAgeSeconds();
      if (maxAge != null) {
        xml.element("MaxAgeSeconds", maxAge.longValue());
      }
      xml.end();
    }
    xml.end();
    return xml.toBytes();
  }

  private static void each(XmlWriter xml, String element, List<String> values) {
    for (String value : values) {
      xml.element(element, value);
    }
  }
}
