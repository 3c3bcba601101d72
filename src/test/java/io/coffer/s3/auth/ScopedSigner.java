package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.http.UriCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs header-authenticated requests the way {@link SigV4Signer} will not: for any region and
 * service, and over exactly the headers given (so {@code host}, {@code x-amz-date} or {@code
 * x-amz-content-sha256} can be left out). The signature is valid for what it covers, so a refusal
 * proves the server's rule, not a signature mismatch. Built from the verifier's own canonical
 * forms.
 */
public final class ScopedSigner {
  private ScopedSigner() {}

  /** {@code yyyyMMdd'T'HHmmss'Z'}, as x-amz-date carries it. */
  public static String amzDate(Instant time) {
    return AmzDate.format(time);
  }

  /**
   * The {@code Authorization} header value.
   *
   * @param signed the headers to sign, lower-case names to values (sent as they are by the caller)
   * @param rawQuery the encoded query as sent, without {@code ?}
   */
  public static String authorization(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, String> signed,
      String payloadHash,
      String accessKey,
      String secretKey,
      String region,
      String service,
      String amzDate) {
    Map<String, String> sorted = new TreeMap<>(signed);
    List<String> names = new ArrayList<>(sorted.keySet());
    String signedHeaders = String.join(";", names);
    String canonical =
        CanonicalRequest.build(
            method,
            UriCodec.TOLERANT.canonicalPath(rawPath),
            UriCodec.TOLERANT.parseQuery(rawQuery).canonical(null),
            CanonicalRequest.canonicalHeaders(Headers.ofSingleValues(sorted), names),
            signedHeaders,
            payloadHash);
    String scope = amzDate.substring(0, 8) + '/' + region + '/' + service + '/' + SigV4.TERMINATOR;
    byte[] key = SigningKeys.derive(secretKey, amzDate.substring(0, 8), region, service);
    String signature =
        CanonicalRequest.signature(key, CanonicalRequest.stringToSign(amzDate, scope, canonical));
    return SigV4.ALGORITHM
        + " Credential="
        + accessKey
        + '/'
        + scope
        + ", SignedHeaders="
        + signedHeaders
        + ", Signature="
        + signature;
  }
}
