package io.coffer.s3.auth;

import io.coffer.http.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The canonical request and string to sign of SigV4. The verifier and the signer both build them
 * here, so the two cannot drift apart.
 */
final class CanonicalRequest {
  private CanonicalRequest() {}

  /**
   * The canonical headers block: one {@code name:value\n} line per signed header, in the order the
   * client listed them, each value trimmed with inner runs of whitespace collapsed to one space and
   * repeated headers joined by commas. A signed header absent from the request signs as empty.
   */
  static String canonicalHeaders(Headers headers, List<String> signedHeaders) {
    StringBuilder out = new StringBuilder(256);
    for (String name : signedHeaders) {
      out.append(name).append(':');
      List<String> values = headers.getAll(name);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendTrimmed(values.get(i), out);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void appendTrimmed(String value, StringBuilder out) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    boolean inSpace = false;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          out.append(' ');
          inSpace = true;
        }
      } else {
        out.append(c);
        inSpace = false;
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  static String build(
      String method,
      String canonicalUri,
      String canonicalQuery,
      String canonicalHeaders,
      String signedHeaders,
      String payloadHash) {
    return method
        + '\n'
        + canonicalUri
        + '\n'
        + canonicalQuery
        + '\n'
        + canonicalHeaders
        + '\n'
        + signedHeaders
        + '\n'
        + payloadHash;
  }

  /**
   * The string to sign, over the canonical request's bytes as they were sent: every part of it is
   * ASCII except header values, which the HTTP decoder hands over one char per byte (ISO-8859-1).
   * Hashing those chars as ISO-8859-1 gives back the bytes on the wire, so a value whose UTF-8
   * bytes were sent raw (boto3 does this for non-ASCII {@code x-amz-meta-*}) matches the client's
   * signature over its UTF-8 string; encoding them as UTF-8 again would not.
   */
  static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return SigV4.ALGORITHM
        + '\n'
        + amzDate
        + '\n'
        + scope
        + '\n'
        + Hex.encode(
            Hashing.sha256().digest(canonicalRequest.getBytes(StandardCharsets.ISO_8859_1)));
  }

  static String signature(byte[] signingKey, String stringToSign) {
    return Hex.encode(Hashing.hmac(signingKey, stringToSign));
  }
}
