package io.coffer.checksum;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * MD5's compression function on as many independent streams as the CPU's widest int vector has
 * lanes (8 with AVX2, 16 with AVX-512), one stream per lane: the md5-simd idea on the Vector API.
 * MD5 is one long chain of dependent additions and rotations, so a single stream leaves most of a
 * core's execution units idle; a lane-wise step costs about what a scalar step does and does the
 * work of every lane. Compiled and run with {@code --add-modules jdk.incubator.vector} (the jmh
 * profile).
 */
final class Md5Lanes {
  private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
  // Per step: the sine-derived constant, the rotation, and which message word it adds (RFC 1321).
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
   *
   * <p>The 64 steps are four loops with the message words, shifts and constants in tables: the same
   * steps written out one by one made a method too large for C2 to inline every vector operation
   * into, and it ran at a third of this speed (measured beside the JDK's MD5).
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

  private static IntVector step(IntVector a, IntVector b, IntVector f, IntVector x, int s, int k) {
    return a.add(f).add(x.add(k)).lanewise(VectorOperators.ROL, s).add(b);
  }
}
