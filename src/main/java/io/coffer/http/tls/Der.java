package io.coffer.http.tls;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The little DER it takes to wrap PKCS#1 and SEC1 keys into PKCS#8, the one form the JDK's key
 * factories read.
 */
final class Der {
  static final byte[] NULL = {0x05, 0x00};
  static final byte[] INTEGER_0 = {0x02, 0x01, 0x00};

  private static final int SEQUENCE = 0x30;
  private static final int OCTET_STRING = 0x04;
  private static final int OID = 0x06;
  private static final int CONTEXT_0 = 0xA0;

  private Der() {}

  static byte[] sequence(byte[] content) {
    return tlv(SEQUENCE, content);
  }

  static byte[] octets(byte[] content) {
    return tlv(OCTET_STRING, content);
  }

  static byte[] oid(byte[] encodedArcs) {
    return tlv(OID, encodedArcs);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  /**
   * The curve's OID (tag and length included) of a SEC1 ECPrivateKey: SEQUENCE { version,
   * privateKey OCTET STRING, [0] parameters OPTIONAL, [1] publicKey OPTIONAL }; null when it names
   * none.
   */
  static byte @Nullable [] ecCurveOf(byte[] sec1) {
    try {
      int[] outer = header(sec1, 0);
      if ((sec1[0] & 0xFF) != SEQUENCE) {
        return null;
      }
      int position = outer[0];
      int end = Math.min(sec1.length, outer[0] + outer[1]);
      while (position < end) {
        int tag = sec1[position] & 0xFF;
        int[] field = header(sec1, position);
        if (tag == CONTEXT_0) {
          int oidStart = field[0];
          int[] oid = header(sec1, oidStart);
          if ((sec1[oidStart] & 0xFF) != OID) {
            return null; // explicit curve parameters: not supported by the JDK either
          }
          return Arrays.copyOfRange(sec1, oidStart, oid[0] + oid[1]);
        }
        position = field[0] + field[1];
      }
      return null;
    } catch (ArrayIndexOutOfBoundsException e) {
      return null;
    }
  }

  /** The content's start and length of the TLV at {@code at}. */
  private static int[] header(byte[] der, int at) {
    int length = der[at + 1] & 0xFF;
    int start = at + 2;
    if (length >= 0x80) {
      int bytes = length & 0x7F;
      if (bytes > 3) {
        throw new ArrayIndexOutOfBoundsException("length too large");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[start + i] & 0xFF);
      }
      start += bytes;
    }
    return new int[] {start, length};
  }
}
