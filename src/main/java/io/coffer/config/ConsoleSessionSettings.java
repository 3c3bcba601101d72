package io.coffer.config;

import java.time.Duration;

/**
 * How long a console sign-in lasts.
 *
 * @param idleTimeout a session unused this long ends ({@code --console-session-idle-seconds})
 * @param maxAge a session ends this long after its sign-in however busy it is ({@code
 *     --console-session-max-seconds})
 */
public record ConsoleSessionSettings(Duration idleTimeout, Duration maxAge) {
  /** Half an hour idle, a working day in all: a forgotten tab does not stay signed in for long. */
  public static final ConsoleSessionSettings DEFAULT =
      new ConsoleSessionSettings(Duration.ofMinutes(30), Duration.ofHours(12));

  public ConsoleSessionSettings {
    if (idleTimeout.isNegative()
        || idleTimeout.isZero()
        || maxAge.isNegative()
        || maxAge.isZero()) {
      throw new IllegalArgumentException("console session lifetimes must be positive");
    }
  }
}
