package io.coffer.checksum;

/**
 * Computes crc(A‖B) from crc(A), crc(B) and the length of B, for any reflected CRC whose initial
 * value equals its final XOR (CRC-32, CRC-32C and CRC-64/NVME all use all ones). That lets a
 * multipart upload's whole-object CRC be derived from its parts' CRCs without re-reading data.
 *
 * <p>The method is zlib's crc32_combine: appending n zero bytes multiplies the CRC register by
 * x^(8n) modulo P in GF(2), so crc(A‖B) = crc(A)·x^(8·len(B)) mod P ⊕ crc(B). The power is built by
 * square-and-multiply from a table of x^(2^k) mod P, so the cost is logarithmic in len(B).
 *
 * <p>Polynomials are held reflected, as the CRC register is: the most significant bit of the width
 * is the coefficient of x^0. Instances are immutable and thread-safe.
 */
public final class CrcCombine {
  public static final CrcCombine CRC32 = new CrcCombine(0xEDB88320L, 32);
  public static final CrcCombine CRC32C = new CrcCombine(0x82F63B78L, 32);
  public static final CrcCombine CRC64NVME = new CrcCombine(Crc64Nvme.POLYNOMIAL, 64);

  // len(B) < 2^63 bytes is < 2^66 bits, so x^(2^k) is needed for k up to 65.
  private static final int POWERS = 66;

  private final long polynomial;
  private final long mask;
  private final long one;
  private final long[] xPow2k = new long[POWERS];

  /**
   * @param reflectedPolynomial the generator without its x^width term, bit-reversed
   * @param width the CRC width in bits, 1 to 64
   */
  public CrcCombine(long reflectedPolynomial, int width) {
    if (width < 1 || width > 64) {
      throw new IllegalArgumentException("width must be 1..64: " + width);
    }
    this.mask = width == 64 ? -1L : (1L << width) - 1;
    if ((reflectedPolynomial & ~mask) != 0) {
      throw new IllegalArgumentException("polynomial wider than " + width + " bits");
    }
    this.polynomial = reflectedPolynomial;
    this.one = 1L << (width - 1);
    xPow2k[0] = one >>> 1; // x^1
    for (int k = 1; k < POWERS; k++) {
      xPow2k[k] = multiplyModP(xPow2k[k - 1], xPow2k[k - 1]);
    }
  }

  /** The combiner for a CRC algorithm; fails for the SHA algorithms, which do not combine. */
  public static CrcCombine of(ChecksumAlgorithm alg) {
    return switch (alg) {
      case CRC32 -> CRC32;
      case CRC32C -> CRC32C;
      case CRC64NVME -> CRC64NVME;
      default -> throw new IllegalArgumentException(alg + " is not a CRC");
    };
  }

  /**
   * The CRC of A followed by B.
   *
   * @param crcA finished CRC of A (as an unsigned value in the low {@code width} bits)
   * @param crcB finished CRC of B
   * @param lengthB length of B in bytes, not negative
   */
  public long combine(long crcA, long crcB, long lengthB) {
    if (lengthB < 0) {
      throw new IllegalArgumentException("negative length: " + lengthB);
    }
    if (((crcA | crcB) & ~mask) != 0) {
      throw new IllegalArgumentException("CRC value wider than the CRC");
    }
    return multiplyModP(xPowEightN(lengthB), crcA) ^ crcB;
  }

  /** x^(8n) mod P: n bytes of shift, from the binary expansion of 8n = n·2^3. */
  private long xPowEightN(long n) {
    long p = one;
    for (int k = 3; n != 0; n >>>= 1, k++) {
      if ((n & 1) != 0) {
        p = multiplyModP(xPow2k[k], p);
      }
    }
    return p;
  }

  /** a·b mod P with both in reflected form (zlib's multmodp). */
  private long multiplyModP(long a, long b) {
    long product = 0;
    // Walks a's coefficients from x^0 upward while b is multiplied by x each step; stops after
    // a's highest set coefficient (a is never 0 for the powers of x used here, but guard anyway).
    for (long m = one; a != 0 && m != 0; m >>>= 1) {
      if ((a & m) != 0) {
        product ^= b;
        a ^= m;
      }
      b = (b & 1) != 0 ? (b >>> 1) ^ polynomial : b >>> 1;
    }
    return product;
  }
}
