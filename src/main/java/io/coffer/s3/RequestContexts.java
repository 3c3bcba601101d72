package io.coffer.s3;

import io.coffer.http.Headers;
import io.coffer.http.HttpRequest;
import io.coffer.http.Query;
import io.coffer.s3.auth.AuthResult;
import io.coffer.service.RequestContext;
import org.jspecify.annotations.Nullable;

/** What the policy engine reads of an S3 request besides its credential. */
final class RequestContexts {
  private RequestContexts() {}

  /**
   * @param headers the request's headers, counting a presigned URL's x-amz-* parameters
   */
  static RequestContext of(
      HttpRequest http, Query query, Headers headers, AuthResult auth, String requestId) {
    return new RequestContext(
            http.remoteAddress(),
            false,
            authType(auth),
            auth.isAnonymous() ? null : signatureVersion(http, query),
            headers::get,
            query::get)
        .withTlsVersion(tlsVersion(http.tlsProtocol()))
        .withRequestId(requestId);
  }

  /**
   * AWS's s3:TlsVersion, a number policies compare ({@code NumericLessThan 1.3}): "1.2" for the
   * JDK's "TLSv1.2"; null on plain HTTP, so aws:SecureTransport is false.
   */
  static @Nullable String tlsVersion(@Nullable String protocol) {
    if (protocol == null) {
      return null;
    }
    return protocol.startsWith("TLSv") ? protocol.substring("TLSv".length()) : protocol;
  }

  /** AWS's s3:authType: how the request was signed. */
  private static @Nullable String authType(AuthResult auth) {
    if (auth.isAnonymous()) {
      return null;
    }
    return auth.presigned() ? "REST-QUERY-STRING" : "REST-HEADER";
  }

  /** AWS's s3:signatureversion: AWS4-HMAC-SHA256 for SigV4, AWS for SigV2. */
  private static String signatureVersion(HttpRequest http, Query query) {
    String authorization = http.headers().get("Authorization");
    boolean v4 =
        authorization != null
            ? authorization.startsWith("AWS4-")
            : query.get("X-Amz-Algorithm") != null;
    return v4 ? "AWS4-HMAC-SHA256" : "AWS";
  }
}
