package io.coffer.bench;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A received response: its status, headers, how many body bytes arrived, and the body itself only
 * when the request asked to keep it (listings, upload IDs, errors); object bodies are counted and
 * dropped.
 */
record Response(
    int status, @Nullable HttpHeaders headers, long bodyLength, byte @Nullable [] body) {

  boolean ok() {
    return status / 100 == 2;
  }

  String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  /** "404 NoSuchKey", for error reports. */
  String describe() {
    String code = XmlScan.first(bodyText(), "Code");
    return status + (code == null ? "" : " " + code);
  }
}
