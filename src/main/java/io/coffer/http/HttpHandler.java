package io.coffer.http;

import org.jspecify.annotations.Nullable;

/**
 * What a front end implements: turn one request into one response. Runs on a virtual thread, so it
 * may block on the request body and on storage.
 */
@FunctionalInterface
public interface HttpHandler {
  HttpResponse handle(HttpRequest request) throws Exception;

  /**
   * The response if it can be made without waiting for anything (on the connection's event loop),
   * else null, and {@link #handle} is called on a virtual thread. Offered only requests without a
   * body; a response whose body is not in memory is sent from a virtual thread.
   */
  default @Nullable HttpResponse handleWithoutBlocking(HttpRequest request) {
    return null;
  }
}
