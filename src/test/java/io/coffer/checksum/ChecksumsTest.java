package io.coffer.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
  private static final byte[] PART1 = "first part of the object, ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PART2 = "and the second part".getBytes(StandardCharsets.UTF_8);

  @Test
  void compositeSha256OfTwoParts() throws Exception {
    byte[] d1 = MessageDigest.getInstance("SHA-256").digest(PART1);
    byte[] d2 = MessageDigest.getInstance("SHA-256").digest(PART2);
    MessageDigest outer = MessageDigest.getInstance("SHA-256");
    outer.update(d1);
    outer.update(d2);
    String expected = Base64.getEncoder().encodeToString(outer.digest()) + "-2";

    assertThat(Checksums.composite(ChecksumAlgorithm.SHA256, List.of(d1, d2))).isEqualTo(expected);
  }

  @Test
  void compositeCrc32OfTwoParts() {
    CRC32 p1 = new CRC32();
    p1.update(PART1);
    CRC32 p2 = new CRC32();
    p2.update(PART2);
    byte[] d1 = ByteBuffer.allocate(4).putInt((int) p1.getValue()).array();
    byte[] d2 = ByteBuffer.allocate(4).putInt((int) p2.getValue()).array();
    CRC32 outer = new CRC32();
    outer.update(d1);
    outer.update(d2);
    String expected =
        Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(4).putInt((int) outer.getValue()).array())
            + "-2";

    assertThat(Checksums.composite(ChecksumAlgorithm.CRC32, List.of(d1, d2))).isEqualTo(expected);
  }

  @Test
  void fullObjectCrc32OfTwoParts() {
    CRC32 whole = new CRC32();
    whole.update(PART1);
    whole.update(PART2);
    byte[] full =
        Checksums.fullObject(
            ChecksumAlgorithm.CRC32,
            List.of(
                Checksums.compute(ChecksumAlgorithm.CRC32, PART1),
                Checksums.compute(ChecksumAlgorithm.CRC32, PART2)),
            List.of((long) PART1.length, (long) PART2.length));
    assertThat(full).isEqualTo(ByteBuffer.allocate(4).putInt((int) whole.getValue()).array());
  }

  @Provide
  Arbitrary<ChecksumAlgorithm> crcs() {
    return Arbitraries.of(
        ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC64NVME);
  }

  @Property(tries = 100)
  void fullObjectOfManyPartsEqualsChecksumOfConcatenation(
      @ForAll("crcs") ChecksumAlgorithm alg,
      @ForAll @Size(max = 12) List<@Size(max = 700) byte[]> parts) {
    List<byte[]> crcs = new ArrayList<>();
    List<Long> lengths = new ArrayList<>();
    RunningChecksum whole = alg.start();
    for (byte[] part : parts) {
      crcs.add(Checksums.compute(alg, part));
      lengths.add((long) part.length);
      whole.update(part, 0, part.length);
    }
    assertThat(Checksums.fullObject(alg, crcs, lengths)).isEqualTo(whole.finish());
  }

  @Test
  void fullObjectRejectsMisuse() {
    byte[] crc = new byte[4];
    assertThatThrownBy(
            () -> Checksums.fullObject(ChecksumAlgorithm.SHA1, List.of(new byte[20]), List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Checksums.fullObject(ChecksumAlgorithm.CRC32, List.of(crc), List.of(1L, 2L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Checksums.fullObject(ChecksumAlgorithm.CRC64NVME, List.of(crc), List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeChecksLengthAndAlphabet() {
    assertThat(Checksums.decode(ChecksumAlgorithm.CRC32, "NSRBwg==")).isPresent();
    assertThat(Checksums.decode(ChecksumAlgorithm.CRC32, "NSRBwg==").orElseThrow())
        .containsExactly(0x35, 0x24, 0x41, 0xC2);
    assertThat(Checksums.decode(ChecksumAlgorithm.CRC64NVME, "NSRBwg==")).isEmpty();
    assertThat(Checksums.decode(ChecksumAlgorithm.CRC32, "NSRB*g==")).isEmpty();
    assertThat(Checksums.decode(ChecksumAlgorithm.CRC32, "")).isEmpty();
    assertThat(Checksums.decode(ChecksumAlgorithm.CRC32, null)).isEmpty();
  }

  @Test
  void longConversionsAreBigEndian() {
    assertThat(Checksums.toBytes(0xCBF43926L, 4)).containsExactly(0xCB, 0xF4, 0x39, 0x26);
    assertThat(Checksums.toLong(new byte[] {(byte) 0xCB, (byte) 0xF4, 0x39, 0x26}))
        .isEqualTo(0xCBF43926L);
    assertThat(Checksums.toLong(Checksums.toBytes(0xAE8B14860A799888L, 8)))
        .isEqualTo(0xAE8B14860A799888L);
  }
}
