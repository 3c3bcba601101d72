package io.coffer.s3.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Percent-encoding as SigV4 defines it (RFC 3986): every byte other than {@code A-Z a-z 0-9 - . _
 * ~} becomes {@code %XX} with upper-case digits, and {@code /} is kept only in paths.
 */
public final class UriEncoding {
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Encodes a decoded path such as an object key, keeping its slashes. */
  public static String encodePath(String decoded) {
    return encode(decoded.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Encodes a decoded query parameter name or value. */
  static String encodeComponent(String decoded) {
    return encode(decoded.getBytes(StandardCharsets.UTF_8), false);
  }

  static String encode(byte[] bytes, boolean keepSlash) {
    StringBuilder out = new StringBuilder(bytes.length + 16);
    appendEncoded(bytes, bytes.length, keepSlash, out);
    return out.toString();
  }

  static void appendEncoded(byte[] bytes, int length, boolean keepSlash, StringBuilder out) {
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xff;
      if (isUnreserved(b) || (keepSlash && b == '/')) {
        out.append((char) b);
      } else {
        out.append('%').append(UPPER_HEX[b >> 4]).append(UPPER_HEX[b & 0xf]);
      }
    }
  }

  /**
   * The canonical URI of a raw request path: S3 does not normalise paths (keys may contain {@code
   * //} and {@code ..}), so the path is only decoded and re-encoded, which gives the same result
   * whichever characters the client chose to escape.
   */
  static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    if (isCanonicalAlready(rawPath)) {
      return rawPath;
    }
    byte[] decoded = decode(rawPath, 0, rawPath.length(), false);
    StringBuilder out = new StringBuilder(decoded.length + 16);
    appendEncoded(decoded, decoded.length, true, out);
    return out.toString();
  }

  // The common case of a plain path needs no copy at all.
  private static boolean isCanonicalAlready(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (!isUnreserved(c) && c != '/') {
        return false;
      }
    }
    return true;
  }

  /**
   * Percent-decodes {@code s[from, to)} into bytes. A {@code %} not followed by two hex digits is
   * kept as a literal, and characters beyond ASCII are taken as UTF-8, so that decoding never
   * fails: a request that cannot be decoded simply does not match its signature.
   */
  static byte[] decode(String s, int from, int to, boolean plusIsSpace) {
    byte[] out = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < to) {
        int hi = Hex.digit(s.charAt(i + 1));
        int lo = hi >= 0 ? Hex.digit(s.charAt(i + 2)) : -1;
        if (lo >= 0) {
          out = ensure(out, n + 1);
          out[n++] = (byte) ((hi << 4) | lo);
          i += 2;
          continue;
        }
      }
      if (c < 0x80) {
        out = ensure(out, n + 1);
        out[n++] = (byte) (plusIsSpace && c == '+' ? ' ' : c);
      } else {
        int end = i + 1;
        while (end < to && s.charAt(end) >= 0x80) {
          end++;
        }
        byte[] utf8 = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
        out = ensure(out, n + utf8.length);
        System.arraycopy(utf8, 0, out, n, utf8.length);
        n += utf8.length;
        i = end - 1;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static byte[] ensure(byte[] buf, int size) {
    return size <= buf.length ? buf : Arrays.copyOf(buf, Math.max(size, buf.length * 2));
  }
}
