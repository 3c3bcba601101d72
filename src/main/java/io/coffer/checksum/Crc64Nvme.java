package io.coffer.checksum;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.zip.Checksum;

/**
 * CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5, initial value and final XOR all ones), the
 * default checksum of current AWS SDKs. The JDK has no CRC-64, so this is a table-driven software
 * implementation using slicing-by-16: each step folds 16 input bytes through 16 lookup tables (32
 * KiB, which still fits in L1 cache) so that the loop carries no byte-by-byte dependency chain.
 *
 * <p>{@link #getValue()} is the finished CRC (0 for no input), as S3 transmits it big-endian.
 */
public final class Crc64Nvme implements Checksum {
  /** The polynomial in reflected (LSB-first) bit order. */
  public static final long POLYNOMIAL = 0x9A6C9329AC4BC9B5L;

  // Little-endian views match the reflected CRC: the first byte lands in the low bits.
  private static final VarHandle LONGS_IN_ARRAY =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS_IN_BUFFER =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  // Separate static final arrays (rather than long[][]) let the JIT treat each as a constant of
  // known length, so the masked indices need no bounds checks.
  private static final long[] T0 = new long[256];
  private static final long[] T1 = new long[256];
  private static final long[] T2 = new long[256];
  private static final long[] T3 = new long[256];
  private static final long[] T4 = new long[256];
  private static final long[] T5 = new long[256];
  private static final long[] T6 = new long[256];
  private static final long[] T7 = new long[256];
  private static final long[] T8 = new long[256];
  private static final long[] T9 = new long[256];
  private static final long[] T10 = new long[256];
  private static final long[] T11 = new long[256];
  private static final long[] T12 = new long[256];
  private static final long[] T13 = new long[256];
  private static final long[] T14 = new long[256];
  private static final long[] T15 = new long[256];

  static {
    long[][] tables = {T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15};
    for (int n = 0; n < 256; n++) {
      long c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
      }
      T0[n] = c;
    }
    // Tk[n] is the register after byte n followed by k zero bytes.
    for (int k = 1; k < tables.length; k++) {
      for (int n = 0; n < 256; n++) {
        long prev = tables[k - 1][n];
        tables[k][n] = (prev >>> 8) ^ T0[(int) prev & 0xff];
      }
    }
  }

  /** The working register: the CRC before the final XOR. */
  private long register = -1L;

  public Crc64Nvme() {}

  /** The CRC-64/NVME of a whole array. */
  public static long compute(byte[] b) {
    return update(0L, b, 0, b.length);
  }

  /**
   * Continues a finished CRC with more bytes, like zlib's crc32(crc, buf, len): start from 0 and
   * pass each result back in.
   */
  public static long update(long crc, byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    return ~updateRegister(~crc, b, off, len);
  }

  @Override
  public void update(int b) {
    register = (register >>> 8) ^ T0[(int) (register ^ b) & 0xff];
  }

  @Override
  public void update(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    register = updateRegister(register, b, off, len);
  }

  @Override
  public void update(ByteBuffer buf) {
    int pos = buf.position();
    int limit = buf.limit();
    if (pos >= limit) {
      return;
    }
    if (buf.hasArray()) {
      register = updateRegister(register, buf.array(), buf.arrayOffset() + pos, limit - pos);
    } else {
      register = updateRegister(register, buf, pos, limit);
    }
    buf.position(limit);
  }

  @Override
  public long getValue() {
    return ~register;
  }

  @Override
  public void reset() {
    register = -1L;
  }

  private static long updateRegister(long crc, byte[] b, int off, int len) {
    int end = off + len;
    for (; off <= end - 16; off += 16) {
      long lo = crc ^ (long) LONGS_IN_ARRAY.get(b, off);
      long hi = (long) LONGS_IN_ARRAY.get(b, off + 8);
      crc = fold16(lo, hi);
    }
    for (; off < end; off++) {
      crc = (crc >>> 8) ^ T0[(int) (crc ^ b[off]) & 0xff];
    }
    return crc;
  }

  private static long updateRegister(long crc, ByteBuffer b, int off, int end) {
    for (; off <= end - 16; off += 16) {
      long lo = crc ^ (long) LONGS_IN_BUFFER.get(b, off);
      long hi = (long) LONGS_IN_BUFFER.get(b, off + 8);
      crc = fold16(lo, hi);
    }
    for (; off < end; off++) {
      crc = (crc >>> 8) ^ T0[(int) (crc ^ b.get(off)) & 0xff];
    }
    return crc;
  }

  /**
   * The register after 16 bytes whose first 8 (already XORed with the register) are {@code lo}: a
   * byte followed by k more bytes of input goes through table Tk.
   */
  private static long fold16(long lo, long hi) {
    return T15[(int) lo & 0xff]
        ^ T14[(int) (lo >>> 8) & 0xff]
        ^ T13[(int) (lo >>> 16) & 0xff]
        ^ T12[(int) (lo >>> 24) & 0xff]
        ^ T11[(int) (lo >>> 32) & 0xff]
        ^ T10[(int) (lo >>> 40) & 0xff]
        ^ T9[(int) (lo >>> 48) & 0xff]
        ^ T8[(int) (lo >>> 56)]
        ^ T7[(int) hi & 0xff]
        ^ T6[(int) (hi >>> 8) & 0xff]
        ^ T5[(int) (hi >>> 16) & 0xff]
        ^ T4[(int) (hi >>> 24) & 0xff]
        ^ T3[(int) (hi >>> 32) & 0xff]
        ^ T2[(int) (hi >>> 40) & 0xff]
        ^ T1[(int) (hi >>> 48) & 0xff]
        ^ T0[(int) (hi >>> 56)];
  }
}
