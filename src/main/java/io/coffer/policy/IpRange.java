package io.coffer.policy;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 CIDR block of an IpAddress / NotIpAddress condition ({@code 203.0.113.0/24},
 * {@code 2001:db8::/32}; an address alone is a block of one). Addresses are parsed here, never by
 * {@code InetAddress.getByName}, which would look a host name up in the DNS. An IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.1}) is the IPv4 address it maps.
 */
final class IpRange {
  private final byte[] network;
  private final int prefixLength;

  private IpRange(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /** The block, or null when the text is not an address with an optional prefix length. */
  static @Nullable IpRange parse(String text) {
    int slash = text.indexOf('/');
    byte[] address = parseAddress(slash < 0 ? text : text.substring(0, slash));
    if (address == null) {
      return null;
    }
    // An IPv4-mapped block (::ffff:192.0.2.0/120) is written with an IPv6 prefix length.
    int offset = address.length == 4 && text.indexOf(':') >= 0 ? 96 : 0;
    int bits = address.length * 8 + offset;
    int prefix = bits;
    if (slash >= 0) {
      String digits = text.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3 || !allDigits(digits)) {
        return null;
      }
      prefix = Integer.parseInt(digits);
      if (prefix > bits || prefix < offset) {
        return null;
      }
    }
    return new IpRange(mask(address, prefix - offset), prefix - offset);
  }

  int prefixLength() {
    return prefixLength;
  }

  boolean isIpv4() {
    return network.length == 4;
  }

  /** Whether an address (as a request's aws:SourceIp gives it) lies in this block. */
  boolean contains(String addressText) {
    byte[] address = parseAddress(addressText);
    if (address == null || address.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int keep = (0xFF << (8 - rest)) & 0xFF;
    return (address[fullBytes] & keep) == (network[fullBytes] & keep);
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int bit = prefix; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }

  /** A literal IPv4 or IPv6 address (4 or 16 bytes; an IPv4-mapped one as 4), or null. */
  static byte @Nullable [] parseAddress(String text) {
    if (text.indexOf(':') >= 0) {
      byte[] v6 = parseIpv6(text);
      if (v6 != null && isIpv4Mapped(v6)) {
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
      }
      return v6;
    }
    return parseIpv4(text, 0, text.length());
  }

  private static byte @Nullable [] parseIpv4(String text, int from, int to) {
    byte[] out = new byte[4];
    int part = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        int length = i - start;
        if (part == 4 || length == 0 || length > 3 || !allDigits(text.substring(start, i))) {
          return null;
        }
        int value = Integer.parseInt(text, start, i, 10);
        if (value > 255) {
          return null;
        }
        out[part++] = (byte) value;
        start = i + 1;
      }
    }
    return part == 4 ? out : null;
  }

  private static byte @Nullable [] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    byte[] out = new byte[16];
    if (gap < 0) {
      return groups(text, 0, text.length(), out, 0, 16) == 16 ? out : null;
    }
    byte[] head = new byte[16];
    byte[] tail = new byte[16];
    int headBytes = gap == 0 ? 0 : groups(text, 0, gap, head, 0, 14);
    int tailBytes =
        gap + 2 == text.length() ? 0 : groups(text, gap + 2, text.length(), tail, 0, 14);
    if (headBytes < 0 || tailBytes < 0 || headBytes + tailBytes > 14) {
      return null;
    }
    System.arraycopy(head, 0, out, 0, headBytes);
    System.arraycopy(tail, 0, out, 16 - tailBytes, tailBytes);
    return out;
  }

  /**
   * Parses colon-separated hex groups (the last may be a dotted IPv4 address) into {@code out};
   * returns the bytes written, or -1 when malformed or longer than {@code max} bytes.
   */
  private static int groups(String text, int from, int to, byte[] out, int offset, int max) {
    int written = offset;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && text.charAt(i) != ':') {
        continue;
      }
      int length = i - start;
      if (i == to && text.substring(start, to).indexOf('.') >= 0) {
        byte[] v4 = parseIpv4(text, start, to);
        if (v4 == null || written + 4 > max) {
          return -1;
        }
        System.arraycopy(v4, 0, out, written, 4);
        return written + 4;
      }
      if (length == 0 || length > 4 || written + 2 > max) {
        return -1;
      }
      int value = 0;
      for (int k = start; k < i; k++) {
        int digit = Character.digit(text.charAt(k), 16);
        if (digit < 0) {
          return -1;
        }
        value = value * 16 + digit;
      }
      out[written++] = (byte) (value >>> 8);
      out[written++] = (byte) value;
      start = i + 1;
    }
    return written;
  }

  private static boolean isIpv4Mapped(byte[] v6) {
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return false;
      }
    }
    return v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF;
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
