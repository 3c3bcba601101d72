package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.RetentionMode;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the body of PutObjectRetention:
 *
 * <pre>{@code
 * <Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <Mode>GOVERNANCE</Mode>
 *   <RetainUntilDate>2030-01-01T00:00:00Z</RetainUntilDate>
 * </Retention>
 * }</pre>
 *
 * <p>An empty Retention asks to remove the retention. Whether Mode and date come together, and
 * whether the date is in the future, the service decides. Immutable and thread-safe.
 */
public final class RetentionXml {
  /** A requested retention; both null to remove it. */
  public record Requested(@Nullable RetentionMode mode, @Nullable Instant retainUntil) {}

  private final int maxBodyBytes;

  public RetentionXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public RetentionXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * @throws CofferException MALFORMED_XML for a body that is not such a document, an unknown Mode,
   *     or a RetainUntilDate that is not an ISO 8601 date and time with an offset
   */
  public Requested parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    return XmlCursor.parse(bytes, "Retention", RetentionXml::read);
  }

  private static Requested read(XmlCursor cursor) throws XMLStreamException {
    String mode = null;
    String until = null;
    while (cursor.nextChild()) {
      if (cursor.at("Mode")) {
        mode = XmlCursor.once(mode, cursor.token());
      } else if (cursor.at("RetainUntilDate")) {
        until = XmlCursor.once(until, cursor.token());
      } else {
        cursor.skip();
      }
    }
    return new Requested(mode == null ? null : mode(mode), until == null ? null : date(until));
  }

  /** GOVERNANCE or COMPLIANCE, exactly; MALFORMED_XML otherwise. */
  static RetentionMode mode(String text) {
    return switch (text) {
      case "GOVERNANCE" -> RetentionMode.GOVERNANCE;
      case "COMPLIANCE" -> RetentionMode.COMPLIANCE;
      default -> throw XmlCursor.malformed();
    };
  }

  private static Instant date(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw XmlCursor.malformed(e);
    }
  }
}
