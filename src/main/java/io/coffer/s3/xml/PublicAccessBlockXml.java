package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.PublicAccessBlock;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the body of PutPublicAccessBlock:
 *
 * <pre>{@code
 * <PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <BlockPublicAcls>true</BlockPublicAcls>
 *   <IgnorePublicAcls>true</IgnorePublicAcls>
 *   <BlockPublicPolicy>true</BlockPublicPolicy>
 *   <RestrictPublicBuckets>true</RestrictPublicBuckets>
 * </PublicAccessBlockConfiguration>
 * }</pre>
 *
 * <p>A flag left out is false, as on AWS; a value other than true or false is MalformedXML.
 * Immutable and thread-safe.
 */
public final class PublicAccessBlockXml {
  private final int maxBodyBytes;

  public PublicAccessBlockXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public PublicAccessBlockXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * @throws CofferException MALFORMED_XML for anything but such a document
   */
  public PublicAccessBlock parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    return XmlCursor.parse(bytes, "PublicAccessBlockConfiguration", PublicAccessBlockXml::read);
  }

  private static PublicAccessBlock read(XmlCursor cursor) throws XMLStreamException {
    Boolean blockAcls = null;
    Boolean ignoreAcls = null;
    Boolean blockPolicy = null;
    Boolean restrict = null;
    while (cursor.nextChild()) {
      if (cursor.at("BlockPublicAcls")) {
        blockAcls = XmlCursor.once(blockAcls, flag(cursor.token()));
      } else if (cursor.at("IgnorePublicAcls")) {
        ignoreAcls = XmlCursor.once(ignoreAcls, flag(cursor.token()));
      } else if (cursor.at("BlockPublicPolicy")) {
        blockPolicy = XmlCursor.once(blockPolicy, flag(cursor.token()));
      } else if (cursor.at("RestrictPublicBuckets")) {
        restrict = XmlCursor.once(restrict, flag(cursor.token()));
      } else {
        cursor.skip();
      }
    }
    return new PublicAccessBlock(on(blockAcls), on(ignoreAcls), on(blockPolicy), on(restrict));
  }

  private static boolean on(@Nullable Boolean flag) {
    return flag != null && flag;
  }

  private static Boolean flag(String value) {
    return switch (value) {
      case "true", "TRUE", "True" -> true;
      case "false", "FALSE", "False" -> false;
      default -> throw XmlCursor.malformed();
    };
  }
}
