package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.http.UriCodec;
import org.jspecify.annotations.Nullable;

/**
 * What signature verification needs of a request.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the request path exactly as received, still percent-encoded, without the query
 * @param query the query as the front end parsed it for routing: the verifier reads the very same
 *     value, so what is verified is what is dispatched; null for none
 * @param headers the request headers
 * @param hostBucket the bucket named by the Host header of a virtual-hosted-style request, else
 *     null: Signature Version 2 signs {@code /bucket/key} whichever way the bucket was addressed
 */
public record SignedRequest(
    String method, String rawPath, Query query, Headers headers, @Nullable String hostBucket) {

  public SignedRequest {
    query = query == null ? Query.EMPTY : query;
  }

  /**
   * A path-style request with its query still raw, parsed here as the S3 port parses it.
   *
   * @throws io.coffer.http.MalformedUriException when the query cannot be decoded
   */
  public SignedRequest(String method, String rawPath, String rawQuery, Headers headers) {
    this(method, rawPath, UriCodec.TOLERANT.parseQuery(rawQuery), headers, null);
  }

  /** Splits a request target ({@code /path?query}) as found in an HTTP request line. */
  public static SignedRequest of(String method, String requestTarget, Headers headers) {
    int q = requestTarget.indexOf('?');
    if (q < 0) {
      return new SignedRequest(method, requestTarget, Query.EMPTY, headers, null);
    }
    return new SignedRequest(
        method, requestTarget.substring(0, q), requestTarget.substring(q + 1), headers);
  }
}
