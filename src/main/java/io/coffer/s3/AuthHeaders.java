package io.coffer.s3;

import io.coffer.http.RequestHeaders;
import java.util.List;

/** Lets the signature code read the HTTP layer's headers without copying them. */
record AuthHeaders(RequestHeaders headers) implements io.coffer.s3.auth.RequestHeaders {
  @Override
  public List<String> getAll(String name) {
    return headers.getAll(name);
  }

  @Override
  public Iterable<String> names() {
    return headers.names();
  }
}
