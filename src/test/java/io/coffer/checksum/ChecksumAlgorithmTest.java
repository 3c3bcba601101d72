package io.coffer.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ChecksumAlgorithmTest {

  @Test
  void headerNamesAreLowerCaseAmzChecksumHeaders() {
    assertThat(ChecksumAlgorithm.CRC32.headerName()).isEqualTo("x-amz-checksum-crc32");
    assertThat(ChecksumAlgorithm.CRC32C.headerName()).isEqualTo("x-amz-checksum-crc32c");
    assertThat(ChecksumAlgorithm.CRC64NVME.headerName()).isEqualTo("x-amz-checksum-crc64nvme");
    assertThat(ChecksumAlgorithm.SHA1.headerName()).isEqualTo("x-amz-checksum-sha1");
    assertThat(ChecksumAlgorithm.SHA256.headerName()).isEqualTo("x-amz-checksum-sha256");
  }

  @Test
  void fromNameIgnoresCase() {
    assertThat(ChecksumAlgorithm.fromName("crc32")).contains(ChecksumAlgorithm.CRC32);
    assertThat(ChecksumAlgorithm.fromName("CRC32C")).contains(ChecksumAlgorithm.CRC32C);
    assertThat(ChecksumAlgorithm.fromName("CRC64NVME")).contains(ChecksumAlgorithm.CRC64NVME);
    assertThat(ChecksumAlgorithm.fromName("Sha256")).contains(ChecksumAlgorithm.SHA256);
    assertThat(ChecksumAlgorithm.fromName("md5")).isEmpty();
    assertThat(ChecksumAlgorithm.fromName("")).isEmpty();
    assertThat(ChecksumAlgorithm.fromName(null)).isEmpty();
  }

  @Test
  void fromHeaderNameIgnoresCase() {
    assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-crc64nvme"))
        .contains(ChecksumAlgorithm.CRC64NVME);
    assertThat(ChecksumAlgorithm.fromHeaderName("X-Amz-Checksum-SHA1"))
        .contains(ChecksumAlgorithm.SHA1);
    assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-")).isEmpty();
    assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-type")).isEmpty();
    assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-algorithm")).isEmpty();
    assertThat(ChecksumAlgorithm.fromHeaderName("crc32")).isEmpty();
    assertThat(ChecksumAlgorithm.fromHeaderName(null)).isEmpty();
  }

  @Test
  void digestLengthsAndKinds() {
    assertThat(ChecksumAlgorithm.CRC32.digestLength()).isEqualTo(4);
    assertThat(ChecksumAlgorithm.CRC32C.digestLength()).isEqualTo(4);
    assertThat(ChecksumAlgorithm.CRC64NVME.digestLength()).isEqualTo(8);
    assertThat(ChecksumAlgorithm.SHA1.digestLength()).isEqualTo(20);
    assertThat(ChecksumAlgorithm.SHA256.digestLength()).isEqualTo(32);
    assertThat(ChecksumAlgorithm.CRC64NVME.isCrc()).isTrue();
    assertThat(ChecksumAlgorithm.SHA1.isCrc()).isFalse();
    assertThat(ChecksumAlgorithm.CRC64NVME.supportsComposite()).isFalse();
    assertThat(ChecksumAlgorithm.SHA256.supportsFullObject()).isFalse();
    for (ChecksumAlgorithm alg : ChecksumAlgorithm.values()) {
      assertThat(alg.start().finish()).hasSize(alg.digestLength());
    }
  }

  @Test
  void shaDigestsMatchMessageDigest() throws Exception {
    byte[] data = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    assertThat(Checksums.compute(ChecksumAlgorithm.SHA1, data))
        .isEqualTo(MessageDigest.getInstance("SHA-1").digest(data));
    assertThat(Checksums.compute(ChecksumAlgorithm.SHA256, data))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void finishResetsForReuseAndByteBuffersCount() {
    byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
    for (ChecksumAlgorithm alg : ChecksumAlgorithm.values()) {
      RunningChecksum running = alg.start();
      running.update(data, 0, 4);
      ByteBuffer direct = ByteBuffer.allocateDirect(5).put(data, 4, 5).flip();
      running.update(direct);
      assertThat(direct.hasRemaining()).isFalse();
      byte[] first = running.finish();
      running.update(ByteBuffer.wrap(data));
      assertThat(running.finish()).as(alg.name()).isEqualTo(first);
      assertThat(first).isEqualTo(Checksums.compute(alg, data));
    }
  }
}
