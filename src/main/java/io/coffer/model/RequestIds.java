package io.coffer.model;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Request IDs like S3's: 16 upper-case hex digits, unique within a run and across restarts. */
public final class RequestIds {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final long prefix = ThreadLocalRandom.current().nextLong() & 0xFFFFFF00_00000000L;
  private final AtomicLong counter = new AtomicLong();

  public String next() {
    return HEX.toHexDigits(prefix | (counter.incrementAndGet() & 0xFF_FFFFFFFFL));
  }

  /**
   * A random ID of the same shape, for what has no front end's sequence to hand: a failure outside
   * a front end, a management API request, an event no S3 request caused.
   */
  public static String random() {
    return HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
