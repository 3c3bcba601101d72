package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Parses the body of PutBucketCors:
 *
 * <pre>{@code
 * <CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <CORSRule>
 *     <ID>uploads</ID>
 *     <AllowedOrigin>https://*.example.com</AllowedOrigin>
 *     <AllowedMethod>PUT</AllowedMethod>
 *     <AllowedHeader>*</AllowedHeader>
 *     <ExposeHeader>ETag</ExposeHeader>
 *     <MaxAgeSeconds>3000</MaxAgeSeconds>
 *   </CORSRule>
 * </CORSConfiguration>
 * }</pre>
 *
 * <p>The shape is checked here, as MalformedXML: at least one rule, each with an origin and a
 * method, at most one ID and MaxAgeSeconds, an integer MaxAgeSeconds, no element the schema lacks
 * (an unknown element would otherwise be accepted and ignored). The limits S3 answers
 * InvalidRequest for are the service's ({@code CorsRules}). Values are kept as sent: origins and
 * header names come back from GetBucketCors unnormalized, as on S3. Immutable and thread-safe.
 */
public final class CorsConfigurationXml {
  /** "The document is limited to 64 KB in size." */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * @throws CofferException MALFORMED_XML for anything but such a document
   */
  public CorsConfiguration parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, MAX_BODY_BYTES);
    return XmlCursor.parse(bytes, "CORSConfiguration", CorsConfigurationXml::read);
  }

  private static CorsConfiguration read(XmlCursor cursor) throws XMLStreamException {
    List<CorsRule> rules = new ArrayList<>();
    while (cursor.nextChild()) {
      if (!cursor.at("CORSRule")) {
        throw XmlCursor.malformed();
      }
      rules.add(rule(cursor));
    }
    if (rules.isEmpty()) {
      throw XmlCursor.malformed();
    }
    return new CorsConfiguration(rules);
  }

  private static CorsRule rule(XmlCursor cursor) throws XMLStreamException {
    String id = null;
    Integer maxAge = null;
    List<String> origins = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    List<String> allowedHeaders = new ArrayList<>();
    List<String> exposeHeaders = new ArrayList<>();
    while (cursor.nextChild()) {
      if (cursor.at("ID")) {
        id = XmlCursor.once(id, cursor.text());
      } else if (cursor.at("AllowedOrigin")) {
        origins.add(cursor.token());
      } else if (cursor.at("AllowedMethod")) {
        methods.add(cursor.token());
      } else if (cursor.at("AllowedHeader")) {
        allowedHeaders.add(cursor.token());
      } else if (cursor.at("ExposeHeader")) {
        exposeHeaders.add(cursor.token());
      } else if (cursor.at("MaxAgeSeconds")) {
        maxAge = XmlCursor.once(maxAge, integer(cursor.token()));
      } else {
        throw XmlCursor.malformed();
      }
    }
    if (origins.isEmpty() || methods.isEmpty()) {
      throw XmlCursor.malformed();
    }
    return new CorsRule(id, origins, methods, allowedHeaders, exposeHeaders, maxAge);
  }

  private static Integer integer(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw XmlCursor.malformed(e);
    }
  }
}
