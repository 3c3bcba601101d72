package io.coffer.s3.request;

import io.coffer.http.HttpRequest;
import io.coffer.s3.auth.AuthResult;
import io.coffer.service.Caller;
import io.coffer.service.ObjectAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One authenticated S3 request as the handlers see it: who asks, and the body to open (see {@link
 * RequestBodies}). Its headers and query are the operation record's business, not the handlers'.
 */
public record S3Request(HttpRequest http, AuthResult auth, Caller caller, String requestId) {

  /**
   * The attributes to store for an object written by this request: as sent, except that an
   * aws-chunked token in Content-Encoding goes when it describes this request's body framing.
   */
  public ObjectAttributes storedAttributes(ObjectAttributes sent) {
    String encoding = sent.headers().get("Content-Encoding");
    String stored =
        ObjectAttributeHeaders.storedContentEncoding(encoding, auth.payloadMode().isStreaming());
    if (encoding == null || encoding.equals(stored)) {
      return sent;
    }
    Map<String, String> headers = new LinkedHashMap<>(sent.headers());
    if (stored == null) {
      headers.remove("Content-Encoding");
    } else {
      headers.put("Content-Encoding", stored);
    }
    return new ObjectAttributes(sent.contentType(), headers, sent.userMetadata());
  }
}
