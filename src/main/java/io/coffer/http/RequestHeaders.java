package io.coffer.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The request's headers as Netty decoded them, read through {@link Headers} without a copy. */
public final class RequestHeaders implements Headers {
  private final HttpHeaders headers;

  RequestHeaders(HttpHeaders headers) {
    this.headers = headers;
  }

  /** The first value of the header, or null. */
  @Override
  public @Nullable String get(String name) {
    return headers.get(name);
  }

  @Override
  public List<String> getAll(String name) {
    return headers.getAll(name);
  }

  public boolean contains(String name) {
    return headers.contains(name);
  }

  /** Every header line in arrival order; names as sent. */
  @Override
  public Iterable<Map.Entry<String, String>> entries() {
    return headers;
  }

  /** The names present, in any case. */
  @Override
  public Set<String> names() {
    return headers.names();
  }

  public int size() {
    return headers.size();
  }
}
