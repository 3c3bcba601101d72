package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.http.UriCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client-side SigV4: signs requests in headers and presigns URLs. Used by the management API to
 * issue presigned URLs, by tests and by the benchmark client. The canonical forms are built by the
 * same code the verifier uses, so whatever this signs the verifier accepts.
 */
public final class SigV4Signer {
  private static final String SIGNED_HOST_ONLY = "host";

  private SigV4Signer() {}

  /**
   * The result of signing in headers.
   *
   * @param authorization the {@code Authorization} header value
   * @param signature the signature, hex; the seed of a chunked upload
   * @param rawQuery the encoded query string to send (without {@code ?}); empty when none
   * @param headersToAdd the headers to send besides the caller's own and {@code Host}: {@code
   *     x-amz-date}, {@code x-amz-content-sha256} and {@code authorization}
   * @param streaming the context for signing {@code aws-chunked} chunks after this seed
   */
  public record HeaderSignature(
      String authorization,
      String signature,
      String rawQuery,
      Map<String, String> headersToAdd,
      StreamingContext streaming) {}

  /**
   * Signs a request in the {@code Authorization} header. Every header given is signed, together
   * with {@code host}, {@code x-amz-date} and {@code x-amz-content-sha256}.
   *
   * @param host the {@code Host} header value the request will carry
   * @param rawPath the path as it will be sent, percent-encoded (see {@link #encodePath})
   * @param queryParams decoded query parameters, encoded here; may be empty
   * @param headers further headers to sign, by any-case name; may be empty
   * @param payloadHash hex SHA-256 of the body, or one of the {@code x-amz-content-sha256} literals
   *     such as {@code UNSIGNED-PAYLOAD} or {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}
   */
  public static HeaderSignature sign(
      String method,
      String host,
      String rawPath,
      Map<String, String> queryParams,
      Map<String, String> headers,
      String payloadHash,
      String accessKey,
      String secretKey,
      String region,
      Instant time) {
    String amzDate = AmzDate.format(time);
    Map<String, String> signed = new TreeMap<>();
    headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
    signed.remove("authorization");
    signed.put("host", host);
    signed.put("x-amz-date", amzDate);
    signed.put("x-amz-content-sha256", payloadHash);
    List<String> names = new ArrayList<>(signed.keySet());
    String signedHeaders = String.join(";", names);
    String rawQuery = encodeQuery(queryParams);
    String canonical =
        CanonicalRequest.build(
            method,
            UriCodec.TOLERANT.canonicalPath(rawPath),
            UriCodec.TOLERANT.parseQuery(rawQuery).canonical(null),
            CanonicalRequest.canonicalHeaders(Headers.ofSingleValues(signed), names),
            signedHeaders,
            payloadHash);
    String scope = scope(amzDate, region);
    byte[] key = SigningKeys.derive(secretKey, amzDate.substring(0, 8), region, SigV4.SERVICE);
    String signature =
        CanonicalRequest.signature(key, CanonicalRequest.stringToSign(amzDate, scope, canonical));
    String authorization =
        SigV4.ALGORITHM
            + " Credential="
            + accessKey
            + '/'
            + scope
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + signature;
    Map<String, String> toAdd =
        Map.of(
            "x-amz-date",
            amzDate,
            "x-amz-content-sha256",
            payloadHash,
            "authorization",
            authorization);
    return new HeaderSignature(
        authorization,
        signature,
        rawQuery,
        toAdd,
        new StreamingContext(key, scope, amzDate, signature));
  }

  /**
   * Presigns a path-style URL, signing only {@code host} with {@code UNSIGNED-PAYLOAD}. The extra
   * parameters (such as the {@code hash} tracking parameter) are part of the signed canonical
   * query, so they cannot be changed without invalidating the URL.
   *
   * @param endpoint {@code scheme://host[:port]}, whose authority is signed as the Host header
   *     (leave out default ports, which clients do not send)
   * @param bucket the bucket; null or empty for a virtual-hosted endpoint or the service root
   * @param key the object key, decoded; null for a bucket-level URL
   * @param extraQueryParams decoded further parameters; may be empty
   * @param expiresSeconds the lifetime, 1 to 604800 seconds
   * @return the absolute URL
   */
  public static String presign(
      String method,
      String endpoint,
      String bucket,
      String key,
      Map<String, String> extraQueryParams,
      String accessKey,
      String secretKey,
      String region,
      Instant now,
      long expiresSeconds) {
    if (expiresSeconds < 1 || expiresSeconds > SigV4.MAX_EXPIRES_SECONDS) {
      throw new IllegalArgumentException("expiresSeconds must be between 1 and 604800");
    }
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    int schemeEnd = base.indexOf("://");
    if (schemeEnd < 0 || base.indexOf('/', schemeEnd + 3) >= 0) {
      throw new IllegalArgumentException("endpoint must be scheme://host[:port]: " + endpoint);
    }
    String host = base.substring(schemeEnd + 3);
    StringBuilder path = new StringBuilder();
    if (bucket != null && !bucket.isEmpty()) {
      path.append('/').append(UriCodec.encodeComponent(bucket));
    }
    if (key != null) {
      path.append('/').append(encodePath(key));
    }
    if (path.isEmpty()) {
      path.append('/');
    }
    String amzDate = AmzDate.format(now);
    String scope = scope(amzDate, region);
    Map<String, String> params = new LinkedHashMap<>();
    params.put(PresignedQuery.ALGORITHM, SigV4.ALGORITHM);
    params.put(PresignedQuery.CREDENTIAL, accessKey + '/' + scope);
    params.put(PresignedQuery.DATE, amzDate);
    params.put(PresignedQuery.EXPIRES, Long.toString(expiresSeconds));
    params.put(PresignedQuery.SIGNED_HEADERS, SIGNED_HOST_ONLY);
    extraQueryParams.forEach(params::putIfAbsent);
    String rawQuery = encodeQuery(params);
    String canonical =
        CanonicalRequest.build(
            method,
            UriCodec.TOLERANT.canonicalPath(path.toString()),
            UriCodec.TOLERANT.parseQuery(rawQuery).canonical(null),
            "host:" + host + '\n',
            SIGNED_HOST_ONLY,
            SigV4.UNSIGNED_PAYLOAD);
    byte[] signingKey =
        SigningKeys.derive(secretKey, amzDate.substring(0, 8), region, SigV4.SERVICE);
    String signature =
        CanonicalRequest.signature(
            signingKey, CanonicalRequest.stringToSign(amzDate, scope, canonical));
    return base + path + '?' + rawQuery + '&' + PresignedQuery.SIGNATURE + '=' + signature;
  }

  /** Percent-encodes a decoded object key (or any path) for a URL, keeping its slashes. */
  public static String encodePath(String decoded) {
    return UriCodec.encodePath(decoded);
  }

  /** Encodes decoded parameters as {@code name=value&...} in the map's order. */
  public static String encodeQuery(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach(
        (name, value) -> {
          if (!out.isEmpty()) {
            out.append('&');
          }
          out.append(UriCodec.encodeComponent(name))
              .append('=')
              .append(UriCodec.encodeComponent(value));
        });
    return out.toString();
  }

  /** The signature of one {@code aws-chunked} chunk following {@code previousSignature}. */
  public static String chunkSignature(
      StreamingContext context, String previousSignature, byte[] data, int offset, int length) {
    var sha256 = Hashing.sha256();
    sha256.update(data, offset, length);
    return new ChunkSignatures(context).chunk(previousSignature, sha256.digest());
  }

  /** The {@code x-amz-trailer-signature} of trailers following the final chunk's signature. */
  public static String trailerSignature(
      StreamingContext context, String previousSignature, Map<String, String> trailers) {
    return new ChunkSignatures(context).trailer(previousSignature, trailers);
  }

  private static String scope(String amzDate, String region) {
    return amzDate.substring(0, 8) + '/' + region + '/' + SigV4.SERVICE + '/' + SigV4.TERMINATOR;
  }
}
