package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Versioning;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;

/**
 * Parses the body of PutBucketVersioning:
 *
 * <pre>{@code
 * <VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <Status>Enabled</Status>
 *   <MfaDelete>Disabled</MfaDelete>
 * </VersioningConfiguration>
 * }</pre>
 *
 * <p>MFA delete needs an MFA device Coffer does not have: asking to enable it is NotImplemented,
 * Disabled is what every bucket is. Immutable and thread-safe.
 */
public final class VersioningConfigurationXml {
  private final int maxBodyBytes;

  public VersioningConfigurationXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public VersioningConfigurationXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * @return ENABLED or SUSPENDED
   * @throws CofferException MALFORMED_XML for a body that is not such a document, has no Status or
   *     another Status than Enabled or Suspended, or an MfaDelete other than Enabled or Disabled;
   *     NOT_IMPLEMENTED for MfaDelete Enabled
   */
  public Versioning parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    return XmlCursor.parse(bytes, "VersioningConfiguration", VersioningConfigurationXml::read);
  }

  private static Versioning read(XmlCursor cursor) throws XMLStreamException {
    String status = null;
    String mfaDelete = null;
    while (cursor.nextChild()) {
      if (cursor.at("Status")) {
        status = XmlCursor.once(status, cursor.token());
      } else if (cursor.at("MfaDelete")) {
        mfaDelete = XmlCursor.once(mfaDelete, cursor.token());
      } else {
        cursor.skip();
      }
    }
    if (mfaDelete != null) {
      switch (mfaDelete) {
        case "Disabled" -> {}
        case "Enabled" ->
            throw new CofferException(
                ErrorCode.NOT_IMPLEMENTED, "MFA delete is not implemented by Coffer.");
        default -> throw XmlCursor.malformed();
      }
    }
    Versioning versioning = status == null ? null : Versioning.ofStatus(status);
    if (versioning == null) {
      throw XmlCursor.malformed();
    }
    return versioning;
  }
}
