package io.coffer.admin.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the management API writes times and sizes. */
final class Formats {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  private Formats() {}

  /** ISO 8601 in UTC to the second, as in 2023-01-15T10:30:00Z. */
  static @Nullable String time(@Nullable Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * One decimal, 1 KB = 1024 B, in the first unit where the number stays under 1000: 26214400 is
   * "25.0 MB" and 1024000 is "1.0 MB" (not "1000.0 KB"), as in the specification's examples.
   */
  static String size(long bytes) {
    int unit = 0;
    double value = bytes;
    while (unit < UNITS.length - 1 && value >= 999.95) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
