package io.coffer.http;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a front end sees it: the request line split into path and query (both still
 * percent-encoded as received), the headers, and the body as a blocking stream that reads from the
 * connection on demand.
 */
public final class HttpRequest {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final RequestHeaders headers;
  private final RequestBody body;
  private final String remoteAddress;
  private final @Nullable String tlsProtocol;

  /**
   * @param tlsProtocol the negotiated TLS version ("TLSv1.3", ...) when the connection is TLS, else
   *     null
   */
  HttpRequest(
      String method,
      String uri,
      RequestHeaders headers,
      RequestBody body,
      String remoteAddress,
      @Nullable String tlsProtocol) {
    this.tlsProtocol = tlsProtocol;
    this.method = method;
    int question = uri.indexOf('?');
    this.rawPath = question < 0 ? uri : uri.substring(0, question);
    this.rawQuery = question < 0 ? "" : uri.substring(question + 1);
    this.headers = headers;
    this.body = body;
    this.remoteAddress = remoteAddress;
  }

  public String method() {
    return method;
  }

  /** The path exactly as received, percent-encoded, without the query. */
  public String rawPath() {
    return rawPath;
  }

  /** The query exactly as received without the '?', or "". */
  public String rawQuery() {
    return rawQuery;
  }

  public RequestHeaders headers() {
    return headers;
  }

  /**
   * The body. Reading it first answers a pending {@code Expect: 100-continue}, so a handler that
   * rejects a request before reading never receives its body.
   */
  public InputStream body() {
    return body;
  }

  /** Content-Length, or -1 when the body is chunked or absent. */
  public long contentLength() {
    return body.declaredLength();
  }

  /** Body bytes received so far. */
  public long bytesReceived() {
    return body.bytesReceived();
  }

  /**
   * Whether reading the body failed because the client stopped sending it for the body timeout;
   * front ends then answer RequestTimeout, whatever the handler made of the failed read.
   */
  public boolean bodyTimedOut() {
    return body.timeoutSeen();
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  /** Whether the request came over TLS (aws:SecureTransport). */
  public boolean secure() {
    return tlsProtocol != null;
  }

  /** The connection's TLS version as the JDK names it ("TLSv1.2", "TLSv1.3"), or null. */
  public @Nullable String tlsProtocol() {
    return tlsProtocol;
  }
}
