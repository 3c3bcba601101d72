package io.coffer.http;

import java.time.Duration;

/**
 * Protective limits of one listener.
 *
 * @param maxHeaderSize bytes of all header lines together (over it: 431)
 * @param maxInitialLineLength bytes of the request line (over it: 414)
 * @param readTimeout how long a connection may send nothing while a request or its body is due
 * @param idleTimeout how long a kept-alive connection may stay idle between requests
 * @param maxConnections connections served at once; more are refused
 */
public record HttpLimits(
    int maxHeaderSize,
    int maxInitialLineLength,
    Duration readTimeout,
    Duration idleTimeout,
    int maxConnections) {

  public static HttpLimits defaults() {
    return new HttpLimits(
        64 * 1024, 16 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(120), 4096);
  }
}
