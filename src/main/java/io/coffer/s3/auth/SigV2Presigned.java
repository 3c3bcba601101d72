package io.coffer.s3.auth;

import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned URLs in Signature Version 2 ({@code AWSAccessKeyId}, {@code Expires}, {@code
 * Signature}): boto3's {@code generate_presigned_url}, the AWS CLI v1's {@code aws s3 presign} and
 * s3cmd's {@code signurl} make these by default, and S3 still accepts them. A SigV2 {@code
 * Authorization} header stays unsupported. The signed resource is the path as sent, so such a URL
 * must be path-style.
 */
final class SigV2Presigned {
  static final String ACCESS_KEY_ID = "AWSAccessKeyId";
  private static final String EXPIRES = "Expires";
  private static final String SIGNATURE = "Signature";

  /** Query parameters that are part of the signed resource (the list botocore signs). */
  private static final Set<String> SIGNED_PARAMETERS =
      Set.of(
          "accelerate", "acl", "cors", "defaultObjectAcl", "location", "logging", "partNumber",
          "policy", "requestPayment", "torrent", "versioning", "versionId", "versions", "website",
          "uploads", "uploadId", "response-content-type", "response-content-language",
          "response-expires", "response-cache-control", "response-content-disposition",
          "response-content-encoding", "delete", "lifecycle", "tagging", "restore", "storageClass",
          "notification", "replication", "analytics", "metrics", "inventory", "select",
          "select-type", "object-lock");

  private SigV2Presigned() {}

  static boolean isPresigned(QueryParameters query) {
    return query.contains(ACCESS_KEY_ID);
  }

  static AuthResult verify(
      SignedRequest request,
      QueryParameters query,
      Function<String, Credential> resolve,
      Clock clock) {
    String accessKey = query.first(ACCESS_KEY_ID);
    String expires = query.first(EXPIRES);
    String signature = query.first(SIGNATURE);
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
    if (clock.instant().getEpochSecond() > Long.parseLong(expires)) {
      throw new CofferException(ErrorCode.EXPIRED_TOKEN);
    }
    Credential credential = resolve.apply(accessKey);
    String expected = sign(credential.secretKey(), stringToSign(request, query, expires));
    // A '+' left unencoded in the URL arrives as a space; base64 has no spaces.
    byte[] provided = signature.replace(' ', '+').getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), provided)) {
      throw new CofferException(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    return new AuthResult(
        credential, PayloadMode.UNSIGNED, null, true, query.firstValues(), null);
  }

  static String stringToSign(SignedRequest request, QueryParameters query, String expires) {
    Map<String, String> parameters = query.firstValues();
    StringBuilder out = new StringBuilder(256).append(request.method()).append('\n');
    out.append(headerOrParameter(request.headers(), parameters, "content-md5")).append('\n');
    out.append(headerOrParameter(request.headers(), parameters, "content-type")).append('\n');
    out.append(expires).append('\n');
    amzHeaders(request.headers(), parameters)
        .forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
    out.append(request.rawPath());
    char separator = '?';
    for (Map.Entry<String, String> p : new TreeMap<>(parameters).entrySet()) {
      if (SIGNED_PARAMETERS.contains(p.getKey())) {
        out.append(separator).append(p.getKey());
        if (!p.getValue().isEmpty()) {
          out.append('=').append(p.getValue());
        }
        separator = '&';
      }
    }
    return out.toString();
  }

  /** Clients put signed headers into the query of a URL meant for a browser; either counts. */
  private static String headerOrParameter(
      RequestHeaders headers, Map<String, String> parameters, String name) {
    String value = headers.get(name);
    if (value == null) {
      value = parameters.getOrDefault(name, "");
    }
    return value.trim();
  }

  private static Map<String, String> amzHeaders(
      RequestHeaders headers, Map<String, String> parameters) {
    Map<String, String> amz = new TreeMap<>();
    parameters.forEach(
        (name, value) -> {
          if (name.startsWith("x-amz-")) {
            amz.put(name, value.trim());
          }
        });
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-amz-")) {
        List<String> values = headers.getAll(name);
        amz.put(lower, String.join(",", values.stream().map(String::trim).toList()));
      }
    }
    return amz;
  }

  private static String sign(String secretKey, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] digest = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from the JDK", e);
    }
  }
}
