package io.coffer.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CrcCombineTest {

  @Provide
  Arbitrary<ChecksumAlgorithm> crcs() {
    return Arbitraries.of(
        ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC64NVME);
  }

  /** CRCs computed independently of this package: the JDK's, and the bitwise reference. */
  private static long crc(ChecksumAlgorithm alg, byte[] data, int off, int len) {
    Checksum checksum =
        switch (alg) {
          case CRC32 -> new CRC32();
          case CRC32C -> new CRC32C();
          case CRC64NVME -> null;
          default -> throw new IllegalArgumentException();
        };
    if (checksum == null) {
      return Crc64NvmeTest.reference(data, off, len);
    }
    checksum.update(data, off, len);
    return checksum.getValue();
  }

  @Property(tries = 300)
  void combineOfPiecesIsCrcOfWhole(
      @ForAll("crcs") ChecksumAlgorithm alg,
      @ForAll @Size(max = 2000) byte[] data,
      @ForAll @IntRange(max = 2000) int split) {
    int cut = Math.min(split, data.length);
    long crcA = crc(alg, data, 0, cut);
    long crcB = crc(alg, data, cut, data.length - cut);
    assertThat(CrcCombine.of(alg).combine(crcA, crcB, data.length - cut))
        .isEqualTo(crc(alg, data, 0, data.length));
  }

  /** (a·x^m + b)·x^n + c = a·x^(m+n) + (b·x^n + c): exercises the large powers. */
  @Property(tries = 200)
  void combineIsAssociativeForHugeLengths(
      @ForAll("crcs") ChecksumAlgorithm alg,
      @ForAll long a,
      @ForAll long b,
      @ForAll long c,
      @ForAll @LongRange(max = Long.MAX_VALUE / 2) long m,
      @ForAll @LongRange(max = Long.MAX_VALUE / 2) long n) {
    long mask = alg.digestLength() == 4 ? 0xFFFFFFFFL : -1L;
    CrcCombine combine = CrcCombine.of(alg);
    long left = combine.combine(combine.combine(a & mask, b & mask, m), c & mask, n);
    long right = combine.combine(a & mask, combine.combine(b & mask, c & mask, n), m + n);
    assertThat(left).isEqualTo(right);
  }

  @Test
  void doublingZeroRunsMatchesDirectCrcOfOneMebibyte() {
    for (ChecksumAlgorithm alg :
        new ChecksumAlgorithm[] {
          ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC64NVME
        }) {
      byte[] zeros = new byte[1 << 20];
      long run = crc(alg, zeros, 0, 1);
      for (long length = 1; length < zeros.length; length *= 2) {
        run = CrcCombine.of(alg).combine(run, run, length);
      }
      assertThat(run).as(alg.name()).isEqualTo(crc(alg, zeros, 0, zeros.length));
    }
  }

  @Test
  void emptySecondPieceLeavesFirstUnchanged() {
    assertThat(CrcCombine.CRC32.combine(0xCBF43926L, 0, 0)).isEqualTo(0xCBF43926L);
    assertThat(CrcCombine.CRC64NVME.combine(0xAE8B14860A799888L, 0, 0))
        .isEqualTo(0xAE8B14860A799888L);
  }

  @Test
  void genericConstructorWorksForOtherWidths() {
    // CRC-16/ARC (reflected 0xA001) has init 0 and xorout 0, which also satisfies init == xorout.
    CrcCombine crc16 = new CrcCombine(0xA001L, 16);
    byte[] data = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    long whole = crc16Arc(data, 0, 9);
    assertThat(whole).isEqualTo(0xBB3DL); // the catalogue's check value
    assertThat(crc16.combine(crc16Arc(data, 0, 4), crc16Arc(data, 4, 5), 5)).isEqualTo(whole);
  }

  private static long crc16Arc(byte[] data, int off, int len) {
    int crc = 0;
    for (int i = off; i < off + len; i++) {
      crc ^= data[i] & 0xff;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> CrcCombine.CRC32.combine(1, 2, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CrcCombine.CRC32.combine(1L << 32, 2, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CrcCombine.of(ChecksumAlgorithm.SHA256))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CrcCombine(0x1_0000_0000L, 32))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
