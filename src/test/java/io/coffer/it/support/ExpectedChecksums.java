package io.coffer.it.support;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.checksum.Checksums;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * What S3 answers as a checksum, computed on the client side: the JDK's CRC32, CRC32C and digests;
 * CRC64-NVME (not in the JDK) from the project's implementation, which ChecksumIT also pins to the
 * algorithm's published check value through the server.
 */
public final class ExpectedChecksums {
  private ExpectedChecksums() {}

  static byte[] raw(ChecksumAlgorithm algorithm, byte[]... parts) {
    return switch (algorithm) {
      case CRC32 -> crc(new CRC32(), parts);
      case CRC32C -> crc(new CRC32C(), parts);
      case SHA1 -> TestData.digest("SHA-1", parts);
      case SHA256 -> TestData.digest("SHA-256", parts);
      case CRC64NVME -> Checksums.compute(algorithm, TestData.concat(parts));
    };
  }

  /** The base64 value of x-amz-checksum-* for a whole body. */
  public static String of(ChecksumAlgorithm algorithm, byte[]... parts) {
    return TestData.base64(raw(algorithm, parts));
  }

  /** S3's COMPOSITE checksum: the checksum of the concatenated part checksums, then -N. */
  public static String composite(ChecksumAlgorithm algorithm, List<byte[]> parts) {
    byte[][] digests = parts.stream().map(p -> raw(algorithm, p)).toArray(byte[][]::new);
    return of(algorithm, digests) + "-" + parts.size();
  }

  private static byte[] crc(Checksum crc, byte[]... parts) {
    for (byte[] part : parts) {
      crc.update(part, 0, part.length);
    }
    return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
  }
}
