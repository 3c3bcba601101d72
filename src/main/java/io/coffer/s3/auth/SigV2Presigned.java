package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.time.Clock;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Presigned URLs in Signature Version 2 ({@code AWSAccessKeyId}, {@code Expires}, {@code
 * Signature}): boto3's {@code generate_presigned_url}, the AWS CLI v1's {@code aws s3 presign} and
 * s3cmd's {@code signurl} make these by default, and S3 still accepts them. The string to sign is
 * {@link SigV2}'s with {@code Expires} on the Date line. Like a SigV4 presigned URL, one may live
 * at most seven days: an {@code Expires} further ahead is refused (AWS itself does not bound SigV2
 * URLs, but a URL that cannot be revoked for ten years is not something to accept).
 */
final class SigV2Presigned {
  static final String ACCESS_KEY_ID = "AWSAccessKeyId";
  private static final String EXPIRES = "Expires";
  private static final String SIGNATURE = "Signature";

  private SigV2Presigned() {}

  static boolean isPresigned(Query query) {
    return query.has(ACCESS_KEY_ID);
  }

  static AuthResult verify(
      SignedRequest request, Query query, Function<String, Credential> resolve, Clock clock) {
    String accessKey = query.get(ACCESS_KEY_ID);
    String expires = query.get(EXPIRES);
    String signature = query.get(SIGNATURE);
    if (expires == null || signature == null) {
      throw new CofferException(
          ErrorCode.ACCESS_DENIED,
          "Query-string authentication requires the Signature, Expires and AWSAccessKeyId"
              + " parameters");
    }
    boolean numeric = !expires.isEmpty() && expires.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!numeric || expires.length() > 18) {
      throw new CofferException(
          ErrorCode.ACCESS_DENIED, "Invalid date (should be seconds since epoch): " + expires);
    }
    long now = clock.instant().getEpochSecond();
    if (now > Long.parseLong(expires)) {
      throw new CofferException(ErrorCode.EXPIRED_TOKEN);
    }
    if (Long.parseLong(expires) - now > SigV4.MAX_EXPIRES_SECONDS) {
      throw new CofferException(
          ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
          "Expires must be less than a week (in seconds) that is 604800 seconds from now");
    }
    Credential credential = resolve.apply(accessKey);
    String expected = SigV2.sign(credential.secretKey(), stringToSign(request, query, expires));
    // A '+' left unencoded in the URL arrives as a space; base64 has no spaces.
    if (!SigV2.matches(expected, signature.replace(' ', '+'))) {
      throw new CofferException(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    return new AuthResult(credential, PayloadMode.UNSIGNED, null, true, query.all(), null);
  }

  static String stringToSign(SignedRequest request, Query query, String expires) {
    Map<String, String> parameters = query.all();
    return SigV2.stringToSign(
        request.method(),
        headerOrParameter(request.headers(), parameters, "content-md5"),
        headerOrParameter(request.headers(), parameters, "content-type"),
        expires,
        amzHeaders(request.headers(), parameters),
        SigV2.canonicalResource(request, parameters));
  }

  /** Clients put signed headers into the query of a URL meant for a browser; either counts. */
  private static String headerOrParameter(
      Headers headers, Map<String, String> parameters, String name) {
    String value = headers.get(name);
    if (value == null) {
      value = SigV2.asSentBytes(parameters.getOrDefault(name, ""));
    }
    return value.trim();
  }

  private static SortedMap<String, String> amzHeaders(
      Headers headers, Map<String, String> parameters) {
    SortedMap<String, String> amz = new TreeMap<>();
    parameters.forEach(
        (name, value) -> {
          if (name.startsWith("x-amz-")) {
            amz.put(name, SigV2.asSentBytes(value).trim());
          }
        });
    amz.putAll(SigV2.amzHeaders(headers));
    return amz;
  }
}
