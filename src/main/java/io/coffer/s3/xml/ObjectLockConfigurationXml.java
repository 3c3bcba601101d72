package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ErrorCode;
import io.coffer.model.RetentionMode;
import java.io.InputStream;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the body of PutObjectLockConfiguration:
 *
 * <pre>{@code
 * <ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <ObjectLockEnabled>Enabled</ObjectLockEnabled>
 *   <Rule>
 *     <DefaultRetention><Mode>GOVERNANCE</Mode><Days>30</Days></DefaultRetention>
 *   </Rule>
 * </ObjectLockConfiguration>
 * }</pre>
 *
 * <p>The Rule is optional (no default retention); a DefaultRetention needs a Mode and exactly one
 * of Days and Years, a positive number. Immutable and thread-safe.
 */
public final class ObjectLockConfigurationXml {
  /** The longest default retention accepted: 100 years, in days or years. */
  static final int MAX_DAYS = 36_500;

  static final int MAX_YEARS = 100;

  private final int maxBodyBytes;

  public ObjectLockConfigurationXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public ObjectLockConfigurationXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * @return the default retention, or empty for a configuration without a Rule
   * @throws CofferException MALFORMED_XML for a body that is not such a document, an
   *     ObjectLockEnabled other than Enabled, a Rule without a DefaultRetention, a DefaultRetention
   *     without a Mode or with both or neither of Days and Years, an unknown Mode, a period that is
   *     not a number; INVALID_ARGUMENT for a period that is not positive or is over 100 years
   */
  public Optional<DefaultRetention> parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    return XmlCursor.parse(bytes, "ObjectLockConfiguration", ObjectLockConfigurationXml::read);
  }

  private static Optional<DefaultRetention> read(XmlCursor cursor) throws XMLStreamException {
    String enabled = null;
    DefaultRetention rule = null;
    boolean sawRule = false;
    while (cursor.nextChild()) {
      if (cursor.at("ObjectLockEnabled")) {
        enabled = XmlCursor.once(enabled, cursor.token());
      } else if (cursor.at("Rule")) {
        if (sawRule) {
          throw XmlCursor.malformed();
        }
        sawRule = true;
        rule = readRule(cursor);
      } else {
        cursor.skip();
      }
    }
    if (!"Enabled".equals(enabled)) {
      throw XmlCursor.malformed();
    }
    return Optional.ofNullable(rule);
  }

  private static DefaultRetention readRule(XmlCursor cursor) throws XMLStreamException {
    DefaultRetention retention = null;
    while (cursor.nextChild()) {
      if (cursor.at("DefaultRetention")) {
        retention = XmlCursor.once(retention, readDefaultRetention(cursor));
      } else {
        cursor.skip();
      }
    }
    if (retention == null) {
      throw XmlCursor.malformed();
    }
    return retention;
  }

  private static DefaultRetention readDefaultRetention(XmlCursor cursor) throws XMLStreamException {
    String mode = null;
    String days = null;
    String years = null;
    while (cursor.nextChild()) {
      if (cursor.at("Mode")) {
        mode = XmlCursor.once(mode, cursor.token());
      } else if (cursor.at("Days")) {
        days = XmlCursor.once(days, cursor.token());
      } else if (cursor.at("Years")) {
        years = XmlCursor.once(years, cursor.token());
      } else {
        cursor.skip();
      }
    }
    if (mode == null || (days == null) == (years == null)) {
      throw XmlCursor.malformed();
    }
    RetentionMode retentionMode = RetentionXml.mode(mode);
    return days != null
        ? new DefaultRetention(retentionMode, period(days, MAX_DAYS), null)
        : new DefaultRetention(retentionMode, null, period(years, MAX_YEARS));
  }

  private static Integer period(@Nullable String text, int max) {
    long value;
    try {
      value = Long.parseLong(text == null ? "" : text);
    } catch (NumberFormatException e) {
      throw XmlCursor.malformed(e);
    }
    if (value <= 0) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "Default retention period must be a positive integer value.");
    }
    if (value > max) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "Default retention period is too large.");
    }
    return (int) value;
  }
}
