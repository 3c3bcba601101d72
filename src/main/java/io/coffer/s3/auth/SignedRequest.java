package io.coffer.s3.auth;

import org.jspecify.annotations.Nullable;

/**
 * What signature verification needs of a request, as it arrived on the wire.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the request path exactly as received, still percent-encoded, without the query
 * @param rawQuery the query exactly as received, without the leading {@code ?}; null or empty when
 *     there is none
 * @param headers the request headers
 * @param hostBucket the bucket named by the Host header of a virtual-hosted-style request, else
 *     null: Signature Version 2 signs {@code /bucket/key} whichever way the bucket was addressed
 */
public record SignedRequest(
    String method, String rawPath, @Nullable String rawQuery, RequestHeaders headers, @Nullable String hostBucket) {

  /** A path-style request. */
  public SignedRequest(String method, String rawPath, @Nullable String rawQuery, RequestHeaders headers) {
    this(method, rawPath, rawQuery, headers, null);
  }

  /** Splits a request target ({@code /path?query}) as found in an HTTP request line. */
  public static SignedRequest of(String method, String requestTarget, RequestHeaders headers) {
    int q = requestTarget.indexOf('?');
    if (q < 0) {
      return new SignedRequest(method, requestTarget, null, headers);
    }
    return new SignedRequest(
        method, requestTarget.substring(0, q), requestTarget.substring(q + 1), headers);
  }
}
