package io.coffer.s3.auth;

import io.coffer.http.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The string to sign of AWS Signature Version 2 ("Signing and Authenticating REST Requests"),
 * shared by the {@code Authorization: AWS ...} header and SigV2 presigned URLs.
 *
 * <p>The string is kept one char per byte as the bytes were sent: header values and the raw path
 * arrive that way from the HTTP decoder (ISO-8859-1), decoded sub-resource values are turned back
 * into their UTF-8 bytes, and the HMAC runs over those bytes. A client that sends a header value's
 * UTF-8 bytes raw (boto3 does) signs exactly those bytes.
 */
final class SigV2 {
  /** Query parameters that are part of the canonical resource (AWS's list and botocore's). */
  private static final Set<String> SUB_RESOURCES =
      Set.of(
          "accelerate",
          "acl",
          "analytics",
          "cors",
          "defaultObjectAcl",
          "delete",
          "inventory",
          "lifecycle",
          "location",
          "logging",
          "metrics",
          "notification",
          "object-lock",
          "partNumber",
          "policy",
          "replication",
          "requestPayment",
          "response-cache-control",
          "response-content-disposition",
          "response-content-encoding",
          "response-content-language",
          "response-content-type",
          "response-expires",
          "restore",
          "select",
          "select-type",
          "storageClass",
          "tagging",
          "torrent",
          "uploadId",
          "uploads",
          "versionId",
          "versioning",
          "versions",
          "website");

  private SigV2() {}

  /**
   * {@code METHOD\nContent-MD5\nContent-Type\nDate\n} + canonicalized {@code x-amz-*} headers +
   * canonicalized resource.
   */
  static String stringToSign(
      String method,
      String contentMd5,
      String contentType,
      @Nullable String date,
      SortedMap<String, String> amzHeaders,
      String resource) {
    StringBuilder out = new StringBuilder(256);
    out.append(method).append('\n');
    out.append(contentMd5).append('\n');
    out.append(contentType).append('\n');
    out.append(date).append('\n');
    amzHeaders.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
    return out.append(resource).toString();
  }

  /**
   * The {@code x-amz-*} headers: names in lower case and sorted, repeated headers joined by commas,
   * each value trimmed and any folding (line breaks with their indentation) replaced by one space.
   */
  static SortedMap<String, String> amzHeaders(Headers headers) {
    SortedMap<String, String> amz = new TreeMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      // Names may repeat in other cases; getAll already returned every value of each.
      if (lower.startsWith("x-amz-") && !amz.containsKey(lower)) {
        List<String> values = headers.getAll(name);
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
          if (!joined.isEmpty()) {
            joined.append(',');
          }
          joined.append(unfold(value));
        }
        amz.put(lower, joined.toString());
      }
    }
    return amz;
  }

  private static String unfold(String value) {
    return value.replaceAll("[\\r\\n]+[ \\t]*", " ").trim();
  }

  /**
   * The canonicalized resource: {@code /bucket} for a virtual-hosted request, the path as sent,
   * then the signed sub-resources sorted by name, each with its decoded value if it has one.
   */
  static String canonicalResource(SignedRequest request, Map<String, String> parameters) {
    StringBuilder out = new StringBuilder(128);
    if (request.hostBucket() != null) {
      out.append('/').append(request.hostBucket());
    }
    out.append(request.rawPath());
    char separator = '?';
    for (Map.Entry<String, String> p : new TreeMap<>(parameters).entrySet()) {
      if (SUB_RESOURCES.contains(p.getKey())) {
        out.append(separator).append(p.getKey());
        if (!p.getValue().isEmpty()) {
          out.append('=').append(asSentBytes(p.getValue()));
        }
        separator = '&';
      }
    }
    return out.toString();
  }

  /** A decoded (UTF-8) string as one char per byte of its UTF-8 form, like header values. */
  static String asSentBytes(String decoded) {
    return new String(decoded.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Base64 of HMAC-SHA1 over the string's bytes (one byte per char). */
  static String sign(String secretKey, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] digest = mac.doFinal(stringToSign.getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from the JDK", e);
    }
  }

  /** Compares in constant time: the response time must not reveal how much of a guess was right. */
  static boolean matches(String expected, String provided) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.US_ASCII));
  }
}
