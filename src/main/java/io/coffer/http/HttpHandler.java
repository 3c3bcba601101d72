package io.coffer.http;

/**
 * What a front end implements: turn one request into one response. Runs on a virtual thread, so it
 * may block on the request body and on storage.
 */
@FunctionalInterface
public interface HttpHandler {
  HttpResponse handle(HttpRequest request) throws Exception;
}
