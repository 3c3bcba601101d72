package io.coffer.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one percent-decoder and -encoder of request URIs, for both front ends and for signatures.
 *
 * <p>Decoding reads a raw URI as the HTTP layer hands it over: one char per byte of the request
 * line, so a char up to U+00FF is the byte it was. (Chars beyond that cannot come off the wire; a
 * caller inside the JVM that passes them gets their UTF-8 bytes.) Escapes are turned into bytes,
 * and the bytes must then be UTF-8: anything else is refused, since replacing it would let
 * different URIs name one object. {@code +} is a space only in a query, which is form-encoded; in a
 * path it is a plus sign.
 *
 * <p>Encoding is SigV4's (RFC 3986): every byte other than {@code A-Z a-z 0-9 - . _ ~} becomes
 * {@code %XX} with upper-case digits, and {@code /} is kept only in paths.
 */
public final class UriCodec {
  /** Every {@code %} must start an escape: the management API's rule. */
  public static final UriCodec STRICT = new UriCodec(false);

  /**
   * A {@code %} not followed by two hex digits is a percent sign: the S3 port's rule, which it has
   * always followed (hand-written URLs such as {@code /bucket/100%} reach S3 servers). It is the
   * only leniency; bytes that are not UTF-8 are refused all the same.
   */
  public static final UriCodec TOLERANT = new UriCodec(true);

  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private final boolean lonePercentIsLiteral;

  private UriCodec(boolean lonePercentIsLiteral) {
    this.lonePercentIsLiteral = lonePercentIsLiteral;
  }

  /** A raw path or path segment, decoded; {@code %2F} is a slash within it. */
  public String decodePath(String raw) {
    return decode(raw, 0, raw.length(), false);
  }

  /** A raw query: names and values decoded as a form's, parsed once for every reader. */
  public Query parseQuery(String raw) {
    return Query.parse(raw, this);
  }

  /** A raw form component (query name or value), decoded; {@code +} is a space. */
  String decodeFormComponent(String raw, int from, int to) {
    return decode(raw, from, to, true);
  }

  private String decode(String raw, int from, int to, boolean plusIsSpace) {
    if (isPlain(raw, from, to, plusIsSpace)) {
      return raw.substring(from, to);
    }
    byte[] bytes = decodeBytes(raw, from, to, plusIsSpace);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedUriException("The request URI is not valid UTF-8 once decoded.");
    }
  }

  // The common case, plain ASCII without escapes, needs no copy at all.
  private static boolean isPlain(String raw, int from, int to, boolean plusIsSpace) {
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c == '%' || c >= 0x80 || (plusIsSpace && c == '+')) {
        return false;
      }
    }
    return true;
  }

  private byte[] decodeBytes(String raw, int from, int to, boolean plusIsSpace) {
    byte[] out = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < to ? hexDigit(raw.charAt(i + 1)) : -1;
        int lo = hi >= 0 ? hexDigit(raw.charAt(i + 2)) : -1;
        if (lo >= 0) {
          out[n++] = (byte) (hi << 4 | lo);
          i += 2;
        } else if (lonePercentIsLiteral) {
          out[n++] = '%';
        } else {
          throw new MalformedUriException("The request URI contains a malformed percent-escape.");
        }
      } else if (c <= 0xff) {
        out[n++] = (byte) (plusIsSpace && c == '+' ? ' ' : c);
      } else {
        int end = i + 1;
        while (end < to && raw.charAt(end) > 0xff) {
          end++;
        }
        byte[] utf8 = utf8(raw, i, end);
        out = Arrays.copyOf(out, out.length + utf8.length);
        System.arraycopy(utf8, 0, out, n, utf8.length);
        n += utf8.length;
        i = end - 1;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  // ASCII only: Character.digit would also take full-width and other scripts' digits.
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static byte[] utf8(String raw, int from, int to) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(raw, from, to));
      return Arrays.copyOf(encoded.array(), encoded.limit());
    } catch (CharacterCodingException e) {
      throw new MalformedUriException("The request URI contains a lone surrogate.");
    }
  }

  /**
   * SigV4's canonical URI of a raw request path. S3 does not normalise paths (keys may contain
   * {@code //} and {@code ..}), so the path is only decoded to bytes and re-encoded, which gives
   * the same result whichever characters the client chose to escape. It maps bytes to bytes and
   * does not check UTF-8: the router has refused such a path before any signature is looked at.
   */
  public String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    if (isCanonicalAlready(rawPath)) {
      return rawPath;
    }
    return encode(decodeBytes(rawPath, 0, rawPath.length(), false), true);
  }

  private static boolean isCanonicalAlready(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (!isUnreserved(c) && c != '/') {
        return false;
      }
    }
    return true;
  }

  /** Encodes a decoded path such as an object key, keeping its slashes. */
  public static String encodePath(String decoded) {
    return encode(decoded.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Encodes a decoded query parameter name or value, or a single path segment. */
  public static String encodeComponent(String decoded) {
    return encode(decoded.getBytes(StandardCharsets.UTF_8), false);
  }

  private static String encode(byte[] bytes, boolean keepSlash) {
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte value : bytes) {
      int b = value & 0xff;
      if (isUnreserved(b) || (keepSlash && b == '/')) {
        out.append((char) b);
      } else {
        out.append('%').append(UPPER_HEX[b >> 4]).append(UPPER_HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
