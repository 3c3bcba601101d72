package io.coffer.http;

/**
 * Renders the answer to a request the HTTP decoder could not accept (a malformed request line,
 * oversize headers), in the front end's own error format. The connection is closed after it.
 */
@FunctionalInterface
public interface MalformedRequestRenderer {
  HttpResponse render(int status);
}
