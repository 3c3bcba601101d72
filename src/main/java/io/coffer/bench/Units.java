package io.coffer.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses the sizes ("4KiB", "64m", "1048576") and durations ("10s", "500ms", "2m") of the options.
 */
public final class Units {
  private Units() {}

  /** Bytes; suffixes k/KiB, m/MiB, g/GiB are powers of 1024, as object sizes usually are. */
  public static long parseSize(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    for (String[] suffix :
        new String[][] {{"kib", "k", "kb"}, {"mib", "m", "mb"}, {"gib", "g", "gb"}}) {
      unit *= 1024;
      for (String candidate : suffix) {
        if (s.endsWith(candidate)) {
          return Math.multiplyExact(
              Long.parseLong(s.substring(0, s.length() - candidate.length()).trim()), unit);
        }
      }
    }
    if (s.endsWith("b")) {
      s = s.substring(0, s.length() - 1);
    }
    return Long.parseLong(s.trim());
  }

  /** A duration; a bare number is seconds. */
  public static Duration parseDuration(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
    }
    if (s.endsWith("s")) {
      return Duration.ofMillis(
          Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
    }
    if (s.endsWith("m")) {
      return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()) * 60);
    }
    return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
  }

  /** "4 KiB", "64 MiB", "0 B": the shortest exact binary form. */
  public static String formatSize(long bytes) {
    String[] names = {"B", "KiB", "MiB", "GiB"};
    int i = 0;
    while (i < names.length - 1 && bytes >= 1024 && bytes % 1024 == 0) {
      bytes /= 1024;
      i++;
    }
    return bytes + " " + names[i];
  }
}
