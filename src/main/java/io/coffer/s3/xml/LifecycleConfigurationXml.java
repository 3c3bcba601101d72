package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the body of PutBucketLifecycleConfiguration:
 *
 * <pre>{@code
 * <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <Rule>
 *     <ID>logs</ID>
 *     <Filter><And><Prefix>logs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></And></Filter>
 *     <Status>Enabled</Status>
 *     <Expiration><Days>30</Days></Expiration>
 *     <NoncurrentVersionExpiration><NoncurrentDays>7</NoncurrentDays></NoncurrentVersionExpiration>
 *     <AbortIncompleteMultipartUpload><DaysAfterInitiation>2</DaysAfterInitiation>
 *     </AbortIncompleteMultipartUpload>
 *   </Rule>
 * </LifecycleConfiguration>
 * }</pre>
 *
 * <p>The structure is checked here (MalformedXML as AWS's schema check): a Filter or the older
 * rule-level Prefix but not both, a Filter with at most one of Prefix, Tag, the sizes and And, an
 * And with two predicates at least, an Expiration with one of Days, Date and
 * ExpiredObjectDeleteMarker. Unknown elements are refused rather than skipped, so that nothing a
 * client asks for is dropped. Transitions are InvalidStorageClass: Coffer has no storage class to
 * move objects to. AWS's other rules (limits, unique IDs, an action at least) are {@code
 * service.LifecycleRules}'. Immutable and thread-safe.
 */
public final class LifecycleConfigurationXml {
  private final int maxBodyBytes;

  public LifecycleConfigurationXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public LifecycleConfigurationXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * @return the rules as sent; a rule without an ID has the empty ID
   * @throws CofferException MALFORMED_XML for a body that is not such a document, more than 1000
   *     rules; INVALID_ARGUMENT for a Date that is not midnight UTC or a tag key given twice in a
   *     filter; INVALID_STORAGE_CLASS for a Transition or NoncurrentVersionTransition
   */
  public LifecycleConfiguration parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    return XmlCursor.parse(bytes, "LifecycleConfiguration", LifecycleConfigurationXml::read);
  }

  private static LifecycleConfiguration read(XmlCursor cursor) throws XMLStreamException {
    List<LifecycleRule> rules = new ArrayList<>();
    while (cursor.nextChild()) {
      if (!cursor.at("Rule")) {
        throw XmlCursor.malformed();
      }
      if (rules.size() == 1000) {
        throw XmlCursor.malformed();
      }
      rules.add(readRule(cursor));
    }
    if (rules.isEmpty()) {
      throw XmlCursor.malformed();
    }
    return new LifecycleConfiguration(rules);
  }

  private static LifecycleRule readRule(XmlCursor cursor) throws XMLStreamException {
    String id = null;
    String status = null;
    String legacyPrefix = null;
    LifecycleFilter filter = null;
    LifecycleExpiration expiration = null;
    boolean sawExpiration = false;
    NoncurrentVersionExpiration noncurrent = null;
    Integer abortDays = null;
    while (cursor.nextChild()) {
      if (cursor.at("ID")) {
        id = XmlCursor.once(id, cursor.text());
      } else if (cursor.at("Status")) {
        status = XmlCursor.once(status, cursor.token());
      } else if (cursor.at("Prefix")) {
        legacyPrefix = XmlCursor.once(legacyPrefix, cursor.text());
      } else if (cursor.at("Filter")) {
        filter = XmlCursor.once(filter, readFilter(cursor));
      } else if (cursor.at("Expiration")) {
        if (sawExpiration) {
          throw XmlCursor.malformed();
        }
        sawExpiration = true;
        expiration = readExpiration(cursor);
      } else if (cursor.at("NoncurrentVersionExpiration")) {
        noncurrent = XmlCursor.once(noncurrent, readNoncurrent(cursor));
      } else if (cursor.at("AbortIncompleteMultipartUpload")) {
        abortDays = XmlCursor.once(abortDays, readAbort(cursor));
      } else if (cursor.at("Transition") || cursor.at("NoncurrentVersionTransition")) {
        throw new CofferException(
            ErrorCode.INVALID_STORAGE_CLASS,
            ErrorCode.INVALID_STORAGE_CLASS.defaultMessage()
                + " Coffer keeps every object in STANDARD: there is no storage class to"
                + " transition to.");
      } else {
        throw XmlCursor.malformed();
      }
    }
    if ((filter == null) == (legacyPrefix == null)) {
      throw XmlCursor.malformed(); // exactly one of Filter and the rule-level Prefix
    }
    if (filter == null) {
      filter = new LifecycleFilter(legacyPrefix, Map.of(), null, null, true);
    }
    boolean enabled =
        switch (status == null ? "" : status) {
          case "Enabled" -> true;
          case "Disabled" -> false;
          default -> throw XmlCursor.malformed();
        };
    return new LifecycleRule(
        id == null ? "" : id, enabled, filter, expiration, noncurrent, abortDays);
  }

  /** A Filter: empty (every object), one predicate, or And with two or more. */
  private static LifecycleFilter readFilter(XmlCursor cursor) throws XMLStreamException {
    Predicates predicates = new Predicates();
    LifecycleFilter and = null;
    while (cursor.nextChild()) {
      if (cursor.at("And")) {
        and = XmlCursor.once(and, readAnd(cursor));
      } else {
        predicates.read(cursor);
      }
    }
    if (and != null) {
      if (predicates.count() > 0) {
        throw XmlCursor.malformed();
      }
      return and;
    }
    if (predicates.count() > 1) {
      throw XmlCursor.malformed(); // more than one predicate needs an And
    }
    return predicates.filter();
  }

  private static LifecycleFilter readAnd(XmlCursor cursor) throws XMLStreamException {
    Predicates predicates = new Predicates();
    while (cursor.nextChild()) {
      predicates.read(cursor);
    }
    if (predicates.count() < 2) {
      throw XmlCursor.malformed();
    }
    return predicates.filter();
  }

  /** The predicates of a Filter or an And, as they are read. */
  private static final class Predicates {
    private @Nullable String prefix;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private @Nullable Long greater;
    private @Nullable Long less;

    void read(XmlCursor cursor) throws XMLStreamException {
      if (cursor.at("Prefix")) {
        prefix = XmlCursor.once(prefix, cursor.text());
      } else if (cursor.at("Tag")) {
        readTag(cursor);
      } else if (cursor.at("ObjectSizeGreaterThan")) {
        greater = XmlCursor.once(greater, number(cursor.token()));
      } else if (cursor.at("ObjectSizeLessThan")) {
        less = XmlCursor.once(less, number(cursor.token()));
      } else {
        throw XmlCursor.malformed();
      }
    }

    private void readTag(XmlCursor cursor) throws XMLStreamException {
      String key = null;
      String value = null;
      while (cursor.nextChild()) {
        if (cursor.at("Key")) {
          key = XmlCursor.once(key, cursor.text());
        } else if (cursor.at("Value")) {
          value = XmlCursor.once(value, cursor.text());
        } else {
          throw XmlCursor.malformed();
        }
      }
      if (key == null || value == null) {
        throw XmlCursor.malformed();
      }
      if (tags.putIfAbsent(key, value) != null) {
        throw new CofferException(
            ErrorCode.INVALID_ARGUMENT, "Duplicate Tag Keys are not allowed.");
      }
    }

    int count() {
      return (prefix != null ? 1 : 0)
          + tags.size()
          + (greater != null ? 1 : 0)
          + (less != null ? 1 : 0);
    }

    LifecycleFilter filter() {
      return new LifecycleFilter(prefix, tags, greater, less, false);
    }
  }

  /** The Expiration, or null for one that only says ExpiredObjectDeleteMarker false. */
  private static @Nullable LifecycleExpiration readExpiration(XmlCursor cursor)
      throws XMLStreamException {
    Integer days = null;
    LocalDate date = null;
    Boolean marker = null;
    while (cursor.nextChild()) {
      if (cursor.at("Days")) {
        days = XmlCursor.once(days, integer(cursor.token()));
      } else if (cursor.at("Date")) {
        date = XmlCursor.once(date, date(cursor.token()));
      } else if (cursor.at("ExpiredObjectDeleteMarker")) {
        marker = XmlCursor.once(marker, flag(cursor.token()));
      } else {
        throw XmlCursor.malformed();
      }
    }
    // ExpiredObjectDeleteMarker false asks for nothing: some clients send it beside Days or Date.
    boolean markers = marker != null && marker;
    int given = (days != null ? 1 : 0) + (date != null ? 1 : 0) + (markers ? 1 : 0);
    if (given > 1 || (given == 0 && marker == null)) {
      throw XmlCursor.malformed();
    }
    return given == 0 ? null : new LifecycleExpiration(days, date, markers);
  }

  private static NoncurrentVersionExpiration readNoncurrent(XmlCursor cursor)
      throws XMLStreamException {
    Integer days = null;
    Integer newer = null;
    while (cursor.nextChild()) {
      if (cursor.at("NoncurrentDays")) {
        days = XmlCursor.once(days, integer(cursor.token()));
      } else if (cursor.at("NewerNoncurrentVersions")) {
        newer = XmlCursor.once(newer, integer(cursor.token()));
      } else {
        throw XmlCursor.malformed();
      }
    }
    if (days == null) {
      throw XmlCursor.malformed();
    }
    return new NoncurrentVersionExpiration(days, newer);
  }

  private static Integer readAbort(XmlCursor cursor) throws XMLStreamException {
    Integer days = null;
    while (cursor.nextChild()) {
      if (cursor.at("DaysAfterInitiation")) {
        days = XmlCursor.once(days, integer(cursor.token()));
      } else {
        throw XmlCursor.malformed();
      }
    }
    if (days == null) {
      throw XmlCursor.malformed();
    }
    return days;
  }

  private static Integer integer(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw XmlCursor.malformed(e);
    }
  }

  private static Long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw XmlCursor.malformed(e);
    }
  }

  private static Boolean flag(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw XmlCursor.malformed();
    };
  }

  /**
   * An ISO 8601 date or date-time, which must be midnight UTC: AWS's "2026-01-01T00:00:00Z" (with
   * or without fractions or an offset that comes to midnight UTC), or the plain date.
   */
  static LocalDate date(String text) {
    LocalDateTime utc;
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text);
      }
      utc = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (DateTimeParseException e) {
      throw XmlCursor.malformed(e);
    }
    if (!utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "'Date' must be at midnight GMT");
    }
    return utc.toLocalDate();
  }
}
