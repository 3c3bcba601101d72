package io.coffer.admin.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the management API writes times and sizes. */
final class Formats {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  private Formats() {}

  /** ISO 8601 in UTC to the second, as in 2023-01-15T10:30:00Z. */
  static String time(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** One decimal in the largest unit (1 KB = 1024 B) that keeps it at least 1: "25.0 MB". */
  static String size(long bytes) {
    int unit = 0;
    double value = bytes;
    while (unit < UNITS.length - 1 && Math.round(value * 10) >= 1024 * 10) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
