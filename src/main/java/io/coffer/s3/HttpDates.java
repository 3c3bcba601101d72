package io.coffer.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The date formats of S3: RFC 1123 in headers, ISO 8601 with milliseconds in XML. */
public final class HttpDates {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private HttpDates() {}

  public static String rfc1123(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  public static String iso8601(Instant instant) {
    return ISO.format(instant);
  }

  /** Parses an HTTP date; null when absent or unparseable (an unparseable condition is ignored). */
  public static Instant parseOrNull(String value) {
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
