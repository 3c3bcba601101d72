package io.coffer.s3.request;

import io.coffer.http.RequestHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP layer's headers as the parser and the signature code read them, without copying them.
 */
public record HttpHeaderLines(RequestHeaders headers)
    implements HeaderLines, io.coffer.s3.auth.RequestHeaders {

  @Override
  public String get(String name) {
    return headers.get(name);
  }

  @Override
  public List<String> getAll(String name) {
    return headers.getAll(name);
  }

  @Override
  public Iterable<Map.Entry<String, String>> entries() {
    return headers.entries();
  }

  @Override
  public Set<String> names() {
    return headers.names();
  }
}
