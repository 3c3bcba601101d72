package io.coffer.http;

import java.time.Duration;

/**
 * Protective limits of one listener.
 *
 * @param maxHeaderSize bytes of all header lines together (over it: 431)
 * @param maxInitialLineLength bytes of the request line (over it: 414)
 * @param readTimeout how long a connection may send nothing while a request head is due (or the
 *     unread rest of an answered request's body)
 * @param idleTimeout how long a kept-alive connection may stay idle between requests
 * @param maxConnections connections served at once; more are refused
 * @param bodyTimeout how long a request body may stop arriving before the request is answered
 *     (RequestTimeout) and the connection closed; shorter than clients' read timeouts, so they get
 *     the answer instead of timing out themselves and retrying
 */
public record HttpLimits(
    int maxHeaderSize,
    int maxInitialLineLength,
    Duration readTimeout,
    Duration idleTimeout,
    int maxConnections,
    Duration bodyTimeout) {

  public static HttpLimits defaults() {
    return new HttpLimits(
        64 * 1024,
        16 * 1024,
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        4096,
        Duration.ofSeconds(20));
  }
}
