package io.coffer.checksum;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * MD5's compression function on as many independent streams as the CPU's widest int vector has
 * lanes (8 with AVX2, 16 with AVX-512), one stream per lane: the md5-simd idea on the Vector API.
 * MD5 is one long chain of dependent additions and rotations, so a single stream leaves most of a
 * core's execution units idle; a lane-wise step costs about what a scalar step does and does the
 * work of every lane. The only class that touches {@code jdk.incubator.vector}: it is loaded only
 * when that module is present ({@link Md5Hashing}).
 */
final class Md5Lanes {
  private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
  private static final int[] K = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
  };
  private static final int[] S = {
    7, 12, 17, 22, 7, 12, 17, 22,
    7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20,
    5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23,
    4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21,
    6, 10, 15, 21, 6, 10, 15, 21,
  };
  private static final int[] X = {
    0, 1, 2, 3, 4, 5, 6, 7,
    8, 9, 10, 11, 12, 13, 14, 15,
    1, 6, 11, 0, 5, 10, 15, 4,
    9, 14, 3, 8, 13, 2, 7, 12,
    5, 8, 11, 14, 1, 4, 7, 10,
    13, 0, 3, 6, 9, 12, 15, 2,
    0, 7, 14, 5, 12, 3, 10, 1,
    8, 15, 6, 13, 4, 11, 2, 9,
  };

  private final int lanes = SPECIES.length();
  // a, b, c, d of every lane: a of lane i at [i], b at [lanes + i], and so on.
  private final int[] state = new int[4 * lanes];
  // The block each lane hashes next, transposed: word w of lane i at [w * lanes + i].
  private final int[] words = new int[16 * lanes];

  /** The width of the vectors this CPU computes on natively, in bits. */
  static int vectorBits() {
    return SPECIES.vectorBitSize();
  }

  int lanes() {
    return lanes;
  }

  /** Puts a stream's state (a, b, c, d) into a lane. */
  void load(int lane, int[] abcd) {
    for (int i = 0; i < 4; i++) {
      state[i * lanes + lane] = abcd[i];
    }
  }

  /** Takes a lane's state back out into the stream's. */
  void store(int lane, int[] abcd) {
    for (int i = 0; i < 4; i++) {
      abcd[i] = state[i * lanes + lane];
    }
  }

  /**
   * Hashes {@code blocks} 64-byte blocks in every lane whose buffer is not null: lane i reads
   * {@code bufs[i]} from {@code offs[i]}. A lane without a buffer computes garbage nobody reads.
   */
  void compress(byte[][] bufs, int[] offs, int blocks) {
    int n = lanes;
    int[] x = words;
    IntVector a = IntVector.fromArray(SPECIES, state, 0);
    IntVector b = IntVector.fromArray(SPECIES, state, n);
    IntVector c = IntVector.fromArray(SPECIES, state, 2 * n);
    IntVector d = IntVector.fromArray(SPECIES, state, 3 * n);
    for (int blk = 0; blk < blocks; blk++) {
      for (int lane = 0; lane < n; lane++) {
        byte[] buf = bufs[lane];
        if (buf != null) {
          int off = offs[lane] + blk * Md5Block.SIZE;
          for (int w = 0; w < 16; w++) {
            x[w * n + lane] = Md5Block.word(buf, off, w);
          }
        }
      }
      IntVector x0 = IntVector.fromArray(SPECIES, x, 0);
      IntVector x1 = IntVector.fromArray(SPECIES, x, n);
      IntVector x2 = IntVector.fromArray(SPECIES, x, 2 * n);
      IntVector x3 = IntVector.fromArray(SPECIES, x, 3 * n);
      IntVector x4 = IntVector.fromArray(SPECIES, x, 4 * n);
      IntVector x5 = IntVector.fromArray(SPECIES, x, 5 * n);
      IntVector x6 = IntVector.fromArray(SPECIES, x, 6 * n);
      IntVector x7 = IntVector.fromArray(SPECIES, x, 7 * n);
      IntVector x8 = IntVector.fromArray(SPECIES, x, 8 * n);
      IntVector x9 = IntVector.fromArray(SPECIES, x, 9 * n);
      IntVector x10 = IntVector.fromArray(SPECIES, x, 10 * n);
      IntVector x11 = IntVector.fromArray(SPECIES, x, 11 * n);
      IntVector x12 = IntVector.fromArray(SPECIES, x, 12 * n);
      IntVector x13 = IntVector.fromArray(SPECIES, x, 13 * n);
      IntVector x14 = IntVector.fromArray(SPECIES, x, 14 * n);
      IntVector x15 = IntVector.fromArray(SPECIES, x, 15 * n);
      IntVector a0 = a;
      IntVector b0 = b;
      IntVector c0 = c;
      IntVector d0 = d;
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
      a = a.add(a0);
      b = b.add(b0);
      c = c.add(c0);
      d = d.add(d0);
    }
    a.intoArray(state, 0);
    b.intoArray(state, n);
    c.intoArray(state, 2 * n);
    d.intoArray(state, 3 * n);
  }

  /** The same as {@link #compress}, with the 64 steps as four loops (a smaller method for C2). */
  void compressRounds(byte[][] bufs, int[] offs, int blocks) {
    int n = lanes;
    int[] x = words;
    IntVector a = IntVector.fromArray(SPECIES, state, 0);
    IntVector b = IntVector.fromArray(SPECIES, state, n);
    IntVector c = IntVector.fromArray(SPECIES, state, 2 * n);
    IntVector d = IntVector.fromArray(SPECIES, state, 3 * n);
    for (int blk = 0; blk < blocks; blk++) {
      for (int lane = 0; lane < n; lane++) {
        byte[] buf = bufs[lane];
        if (buf != null) {
          int off = offs[lane] + blk * Md5Block.SIZE;
          for (int w = 0; w < 16; w++) {
            x[w * n + lane] = Md5Block.word(buf, off, w);
          }
        }
      }
      IntVector a0 = a;
      IntVector b0 = b;
      IntVector c0 = c;
      IntVector d0 = d;
      for (int i = 0; i < 16; i++) {
        IntVector f = d.lanewise(VectorOperators.XOR, b.and(c.lanewise(VectorOperators.XOR, d)));
        IntVector t = step(a, b, f, IntVector.fromArray(SPECIES, x, X[i] * n), S[i], K[i]);
        a = d;
        d = c;
        c = b;
        b = t;
      }
      for (int i = 16; i < 32; i++) {
        IntVector g = c.lanewise(VectorOperators.XOR, d.and(b.lanewise(VectorOperators.XOR, c)));
        IntVector t = step(a, b, g, IntVector.fromArray(SPECIES, x, X[i] * n), S[i], K[i]);
        a = d;
        d = c;
        c = b;
        b = t;
      }
      for (int i = 32; i < 48; i++) {
        IntVector h = b.lanewise(VectorOperators.XOR, c).lanewise(VectorOperators.XOR, d);
        IntVector t = step(a, b, h, IntVector.fromArray(SPECIES, x, X[i] * n), S[i], K[i]);
        a = d;
        d = c;
        c = b;
        b = t;
      }
      for (int i = 48; i < 64; i++) {
        IntVector ii = c.lanewise(VectorOperators.XOR, b.or(d.not()));
        IntVector t = step(a, b, ii, IntVector.fromArray(SPECIES, x, X[i] * n), S[i], K[i]);
        a = d;
        d = c;
        c = b;
        b = t;
      }
      a = a.add(a0);
      b = b.add(b0);
      c = c.add(c0);
      d = d.add(d0);
    }
    a.intoArray(state, 0);
    b.intoArray(state, n);
    c.intoArray(state, 2 * n);
    d.intoArray(state, 3 * n);
  }

  private static IntVector ff(
      IntVector a, IntVector b, IntVector c, IntVector d, IntVector x, int s, int k) {
    IntVector f = d.lanewise(VectorOperators.XOR, b.and(c.lanewise(VectorOperators.XOR, d)));
    return step(a, b, f, x, s, k);
  }

  private static IntVector gg(
      IntVector a, IntVector b, IntVector c, IntVector d, IntVector x, int s, int k) {
    IntVector g = c.lanewise(VectorOperators.XOR, d.and(b.lanewise(VectorOperators.XOR, c)));
    return step(a, b, g, x, s, k);
  }

  private static IntVector hh(
      IntVector a, IntVector b, IntVector c, IntVector d, IntVector x, int s, int k) {
    IntVector h = b.lanewise(VectorOperators.XOR, c).lanewise(VectorOperators.XOR, d);
    return step(a, b, h, x, s, k);
  }

  private static IntVector ii(
      IntVector a, IntVector b, IntVector c, IntVector d, IntVector x, int s, int k) {
    IntVector i = c.lanewise(VectorOperators.XOR, b.or(d.not()));
    return step(a, b, i, x, s, k);
  }

  private static IntVector step(IntVector a, IntVector b, IntVector f, IntVector x, int s, int k) {
    return a.add(f).add(x.add(k)).lanewise(VectorOperators.ROL, s).add(b);
  }
}
