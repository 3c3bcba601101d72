package io.coffer.service;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a request carries besides its credential that access decisions read: where it came from and
 * how it was signed (policy condition keys), its headers and query parameters, and the owners the
 * client expects (x-amz-expected-bucket-owner).
 *
 * @param sourceIp the client's address, or null when unknown
 * @param authType AWS's s3:authType: REST-HEADER, REST-QUERY-STRING or POST; null when anonymous
 * @param signatureVersion AWS's s3:signatureversion: AWS4-HMAC-SHA256 or AWS (SigV2); null when
 *     anonymous
 * @param headers the request's headers (and a presigned URL's x-amz-* parameters), by
 *     case-insensitive name
 * @param query the request's query parameters
 * @param requestTags the tags a request carries in its body (PutObjectTagging's document, a POST
 *     upload's tagging field), for s3:RequestObjectTag conditions; null when the body carries none
 *     (the x-amz-tagging header is read from {@code headers})
 * @param tlsVersion the connection's TLS version as s3:TlsVersion has it ("1.2", "1.3"), or null on
 *     plain HTTP
 * @param requestId the request's ID (x-amz-request-id), which the events it causes report; null for
 *     work no request asked for
 */
public record RequestContext(
    @Nullable String sourceIp,
    boolean secureTransport,
    @Nullable String authType,
    @Nullable String signatureVersion,
    Lookup headers,
    Lookup query,
    @Nullable Map<String, String> requestTags,
    @Nullable String tlsVersion,
    @Nullable String requestId) {

  public RequestContext(
      @Nullable String sourceIp,
      boolean secureTransport,
      @Nullable String authType,
      @Nullable String signatureVersion,
      Lookup headers,
      Lookup query) {
    this(sourceIp, secureTransport, authType, signatureVersion, headers, query, null, null, null);
  }

  /** This request, carrying {@code tags} in its body. */
  public RequestContext withRequestTags(Map<String, String> tags) {
    return new RequestContext(
        sourceIp,
        secureTransport,
        authType,
        signatureVersion,
        headers,
        query,
        tags,
        tlsVersion,
        requestId);
  }

  /** This request, received over TLS of this version ("1.2", "1.3"; null for plain HTTP). */
  public RequestContext withTlsVersion(@Nullable String version) {
    return new RequestContext(
        sourceIp,
        version != null,
        authType,
        signatureVersion,
        headers,
        query,
        requestTags,
        version,
        requestId);
  }

  /** This request, with its ID. */
  public RequestContext withRequestId(String id) {
    return new RequestContext(
        sourceIp,
        secureTransport,
        authType,
        signatureVersion,
        headers,
        query,
        requestTags,
        tlsVersion,
        id);
  }

  /** Named values of a request: the first value, or null. */
  @FunctionalInterface
  public interface Lookup {
    @Nullable String get(String name);
  }

  /** A request with no headers or parameters worth reading: services called from tests or tools. */
  public static final RequestContext NONE =
      new RequestContext(null, false, null, null, name -> null, name -> null);

  /** The owner the client expects the bucket to have (x-amz-expected-bucket-owner), or null. */
  public @Nullable String expectedBucketOwner() {
    return headers.get("x-amz-expected-bucket-owner");
  }

  /** The owner the client expects a copy's source bucket to have, or null. */
  public @Nullable String expectedSourceBucketOwner() {
    return headers.get("x-amz-source-expected-bucket-owner");
  }
}
