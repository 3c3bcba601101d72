package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import java.io.InputStream;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * Parses the optional body of CreateBucket:
 *
 * <pre>{@code
 * <CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <LocationConstraint>eu-west-1</LocationConstraint>
 * </CreateBucketConfiguration>
 * }</pre>
 *
 * <p>Other children (Location, Bucket, Tags of newer bucket types) are ignored. Whether the
 * constraint matches the server's region is the service's decision. Immutable and thread-safe.
 */
public final class CreateBucketConfigurationXml {
  private final int maxBodyBytes;

  public CreateBucketConfigurationXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public CreateBucketConfigurationXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * The location constraint; empty when the body is empty or only whitespace (clients omit the
   * document for the default region), when the element is absent, or when it is empty.
   *
   * @throws CofferException MALFORMED_XML for a non-empty body that is not a well-formed
   *     CreateBucketConfiguration document, or one over the size limit
   */
  public Optional<String> parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    if (isBlank(bytes)) {
      return Optional.empty();
    }
    return XmlCursor.parse(
        bytes, "CreateBucketConfiguration", CreateBucketConfigurationXml::readConfiguration);
  }

  private static Optional<String> readConfiguration(XmlCursor cursor) throws XMLStreamException {
    String location = null;
    while (cursor.nextChild()) {
      if (cursor.at("LocationConstraint")) {
        location = XmlCursor.once(location, cursor.token());
      } else {
        cursor.skip();
      }
    }
    return location == null || location.isEmpty() ? Optional.empty() : Optional.of(location);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
