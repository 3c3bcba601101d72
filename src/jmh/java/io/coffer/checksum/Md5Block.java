package io.coffer.checksum;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MD5's compression function (RFC 1321) on one stream, in plain Java: the blocks a multi-buffer
 * stream hashes on its own (a partial block carried between updates, the padding, and stretches
 * when no other stream has work). The state is four ints, a b c d, the form {@link Md5Lanes} keeps
 * per lane, so a stream can move between the two at any block boundary; the JDK's MD5 keeps its
 * state private, which is why it cannot take these turns.
 */
final class Md5Block {
  static final int SIZE = 64;
  static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Md5Block() {}

  /** MD5's initial state. */
  static int[] initialState() {
    return new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  }

  /** Hashes {@code blocks} 64-byte blocks of {@code buf} from {@code off} into {@code state}. */
  static void compress(int[] state, byte[] buf, int off, int blocks) {
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    for (int i = 0; i < blocks; i++, off += SIZE) {
      int x0 = word(buf, off, 0);
      int x1 = word(buf, off, 1);
      int x2 = word(buf, off, 2);
      int x3 = word(buf, off, 3);
      int x4 = word(buf, off, 4);
      int x5 = word(buf, off, 5);
      int x6 = word(buf, off, 6);
      int x7 = word(buf, off, 7);
      int x8 = word(buf, off, 8);
      int x9 = word(buf, off, 9);
      int x10 = word(buf, off, 10);
      int x11 = word(buf, off, 11);
      int x12 = word(buf, off, 12);
      int x13 = word(buf, off, 13);
      int x14 = word(buf, off, 14);
      int x15 = word(buf, off, 15);
      int a0 = a;
      int b0 = b;
      int c0 = c;
      int d0 = d;
      a = ff(a, b, c, d, x0, 7, 0xd76aa478);
      d = ff(d, a, b, c, x1, 12, 0xe8c7b756);
      c = ff(c, d, a, b, x2, 17, 0x242070db);
      b = ff(b, c, d, a, x3, 22, 0xc1bdceee);
      a = ff(a, b, c, d, x4, 7, 0xf57c0faf);
      d = ff(d, a, b, c, x5, 12, 0x4787c62a);
      c = ff(c, d, a, b, x6, 17, 0xa8304613);
      b = ff(b, c, d, a, x7, 22, 0xfd469501);
      a = ff(a, b, c, d, x8, 7, 0x698098d8);
      d = ff(d, a, b, c, x9, 12, 0x8b44f7af);
      c = ff(c, d, a, b, x10, 17, 0xffff5bb1);
      b = ff(b, c, d, a, x11, 22, 0x895cd7be);
      a = ff(a, b, c, d, x12, 7, 0x6b901122);
      d = ff(d, a, b, c, x13, 12, 0xfd987193);
      c = ff(c, d, a, b, x14, 17, 0xa679438e);
      b = ff(b, c, d, a, x15, 22, 0x49b40821);
      a = gg(a, b, c, d, x1, 5, 0xf61e2562);
      d = gg(d, a, b, c, x6, 9, 0xc040b340);
      c = gg(c, d, a, b, x11, 14, 0x265e5a51);
      b = gg(b, c, d, a, x0, 20, 0xe9b6c7aa);
      a = gg(a, b, c, d, x5, 5, 0xd62f105d);
      d = gg(d, a, b, c, x10, 9, 0x02441453);
      c = gg(c, d, a, b, x15, 14, 0xd8a1e681);
      b = gg(b, c, d, a, x4, 20, 0xe7d3fbc8);
      a = gg(a, b, c, d, x9, 5, 0x21e1cde6);
      d = gg(d, a, b, c, x14, 9, 0xc33707d6);
      c = gg(c, d, a, b, x3, 14, 0xf4d50d87);
      b = gg(b, c, d, a, x8, 20, 0x455a14ed);
      a = gg(a, b, c, d, x13, 5, 0xa9e3e905);
      d = gg(d, a, b, c, x2, 9, 0xfcefa3f8);
      c = gg(c, d, a, b, x7, 14, 0x676f02d9);
      b = gg(b, c, d, a, x12, 20, 0x8d2a4c8a);
      a = hh(a, b, c, d, x5, 4, 0xfffa3942);
      d = hh(d, a, b, c, x8, 11, 0x8771f681);
      c = hh(c, d, a, b, x11, 16, 0x6d9d6122);
      b = hh(b, c, d, a, x14, 23, 0xfde5380c);
      a = hh(a, b, c, d, x1, 4, 0xa4beea44);
      d = hh(d, a, b, c, x4, 11, 0x4bdecfa9);
      c = hh(c, d, a, b, x7, 16, 0xf6bb4b60);
      b = hh(b, c, d, a, x10, 23, 0xbebfbc70);
      a = hh(a, b, c, d, x13, 4, 0x289b7ec6);
      d = hh(d, a, b, c, x0, 11, 0xeaa127fa);
      c = hh(c, d, a, b, x3, 16, 0xd4ef3085);
      b = hh(b, c, d, a, x6, 23, 0x04881d05);
      a = hh(a, b, c, d, x9, 4, 0xd9d4d039);
      d = hh(d, a, b, c, x12, 11, 0xe6db99e5);
      c = hh(c, d, a, b, x15, 16, 0x1fa27cf8);
      b = hh(b, c, d, a, x2, 23, 0xc4ac5665);
      a = ii(a, b, c, d, x0, 6, 0xf4292244);
      d = ii(d, a, b, c, x7, 10, 0x432aff97);
      c = ii(c, d, a, b, x14, 15, 0xab9423a7);
      b = ii(b, c, d, a, x5, 21, 0xfc93a039);
      a = ii(a, b, c, d, x12, 6, 0x655b59c3);
      d = ii(d, a, b, c, x3, 10, 0x8f0ccc92);
      c = ii(c, d, a, b, x10, 15, 0xffeff47d);
      b = ii(b, c, d, a, x1, 21, 0x85845dd1);
      a = ii(a, b, c, d, x8, 6, 0x6fa87e4f);
      d = ii(d, a, b, c, x15, 10, 0xfe2ce6e0);
      c = ii(c, d, a, b, x6, 15, 0xa3014314);
      b = ii(b, c, d, a, x13, 21, 0x4e0811a1);
      a = ii(a, b, c, d, x4, 6, 0xf7537e82);
      d = ii(d, a, b, c, x11, 10, 0xbd3af235);
      c = ii(c, d, a, b, x2, 15, 0x2ad7d2bb);
      b = ii(b, c, d, a, x9, 21, 0xeb86d391);
      a += a0;
      b += b0;
      c += c0;
      d += d0;
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
  }

  /** The i-th little-endian word of the block at {@code off}. */
  static int word(byte[] buf, int off, int i) {
    return (int) INT_LE.get(buf, off + 4 * i);
  }

  private static int ff(int a, int b, int c, int d, int x, int s, int k) {
    return Integer.rotateLeft(a + (d ^ (b & (c ^ d))) + x + k, s) + b;
  }

  private static int gg(int a, int b, int c, int d, int x, int s, int k) {
    return Integer.rotateLeft(a + (c ^ (d & (b ^ c))) + x + k, s) + b;
  }

  private static int hh(int a, int b, int c, int d, int x, int s, int k) {
    return Integer.rotateLeft(a + (b ^ c ^ d) + x + k, s) + b;
  }

  private static int ii(int a, int b, int c, int d, int x, int s, int k) {
    return Integer.rotateLeft(a + (c ^ (b | ~d)) + x + k, s) + b;
  }
}
