package io.coffer.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/** Read-only, case-insensitive view of a request's headers, hiding Netty's types. */
public final class RequestHeaders {
  private final HttpHeaders headers;

  RequestHeaders(HttpHeaders headers) {
    this.headers = headers;
  }

  /** The first value of the header, or null. */
  public String get(String name) {
    return headers.get(name);
  }

  public List<String> getAll(String name) {
    return headers.getAll(name);
  }

  public boolean contains(String name) {
    return headers.contains(name);
  }

  /** Every header line in arrival order; names as sent. */
  public Iterable<Map.Entry<String, String>> entries() {
    return headers;
  }

  /** The names present, in any case. */
  public java.util.Set<String> names() {
    return headers.names();
  }

  public int size() {
    return headers.size();
  }
}
