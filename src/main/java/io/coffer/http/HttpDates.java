package io.coffer.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The date formats of S3: RFC 1123 in headers, ISO 8601 in XML. Both say whole seconds (XML with
 * {@code .000}, as AWS lists), so a listing's LastModified equals the Last-Modified of a HEAD even
 * for a time stored with milliseconds before Coffer stored whole seconds. Both are written by hand
 * for years 1000 to 9999 (every listing entry and every GET carries one, and DateTimeFormatter
 * costs about a microsecond each); other years, which no real clock produces, go through
 * DateTimeFormatter, whose output the hand-written forms equal.
 */
public final class HttpDates {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private HttpDates() {}

  public static String rfc1123(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      return DateTimeFormatter.RFC_1123_DATE_TIME.format(
          instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
    // RFC_1123_DATE_TIME: "Tue, 3 Jun 2008 11:05:30 GMT" (day of month not padded)
    StringBuilder b = new StringBuilder(29);
    b.append(DAYS[t.getDayOfWeek().ordinal()]).append(", ").append(t.getDayOfMonth()).append(' ');
    b.append(MONTHS[t.getMonthValue() - 1]).append(' ').append(t.getYear()).append(' ');
    pad2(b, t.getHour()).append(':');
    pad2(pad2(b, t.getMinute()).append(':'), t.getSecond());
    return b.append(" GMT").toString();
  }

  public static String iso8601(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      return ISO.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
    StringBuilder b = new StringBuilder(24);
    b.append(t.getYear()).append('-');
    pad2(b, t.getMonthValue()).append('-');
    pad2(b, t.getDayOfMonth()).append('T');
    pad2(b, t.getHour()).append(':');
    pad2(b, t.getMinute()).append(':');
    pad2(b, t.getSecond());
    return b.append(".000Z").toString();
  }

  private static StringBuilder pad2(StringBuilder b, int value) {
    return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** Parses an HTTP date; null when absent or unparseable (an unparseable condition is ignored). */
  public static @Nullable Instant parseOrNull(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(value.trim());
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }
}
