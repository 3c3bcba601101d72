package io.coffer.service;

import io.coffer.model.KeyVersion;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Version IDs: 32 lower-case hex digits, URL-safe and opaque to clients. The first 16 are the
 * inverted write time in microseconds (made strictly increasing in this process), so IDs of one key
 * sort newest first; the last 16 are random, so an ID cannot be guessed from a time.
 */
public final class VersionIds {
  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
  private static final AtomicLong LAST_MICROS = new AtomicLong();

  private VersionIds() {}

  public static String next() {
    long now = System.currentTimeMillis() * 1000;
    long micros = LAST_MICROS.updateAndGet(last -> Math.max(last + 1, now));
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(Long.MAX_VALUE - micros)
        + hex.toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** Whether {@code id} is one this server could have made, or {@code "null"}. */
  public static boolean isWellFormed(String id) {
    return id.equals(KeyVersion.NULL_VERSION) || FORMAT.matcher(id).matches();
  }
}
