package io.coffer.checksum;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Conversions and multipart derivations of checksum values as S3 transmits them. */
public final class Checksums {
  private Checksums() {}

  /** The checksum of a whole array. */
  public static byte[] compute(ChecksumAlgorithm alg, byte[] data) {
    RunningChecksum running = alg.start();
    running.update(data, 0, data.length);
    return running.finish();
  }

  /** Standard base64 with padding, the form of x-amz-checksum-* headers. */
  public static String encode(byte[] digest) {
    return Base64.getEncoder().encodeToString(digest);
  }

  /**
   * Decodes a client-supplied checksum value; empty when it is not base64 or not the algorithm's
   * digest length, so the caller can report its own error (S3 answers InvalidRequest).
   */
  public static Optional<byte[]> decode(ChecksumAlgorithm alg, String base64) {
    if (base64 == null) {
      return Optional.empty();
    }
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return digest.length == alg.digestLength() ? Optional.of(digest) : Optional.empty();
  }

  /** A CRC digest (4 or 8 big-endian bytes) as an unsigned value. */
  public static long toLong(byte[] crc) {
    if (crc.length != 4 && crc.length != 8) {
      throw new IllegalArgumentException("not a CRC digest: " + crc.length + " bytes");
    }
    long value = 0;
    for (byte b : crc) {
      value = (value << 8) | (b & 0xff);
    }
    return value;
  }

  /** The low {@code length} bytes of a CRC value, big-endian. */
  public static byte[] toBytes(long crc, int length) {
    byte[] out = new byte[length];
    for (int i = length - 1; i >= 0; i--) {
      out[i] = (byte) crc;
      crc >>>= 8;
    }
    return out;
  }

  /**
   * S3's COMPOSITE multipart checksum: the algorithm applied to the concatenated raw part digests,
   * base64-encoded, followed by "-" and the number of parts.
   */
  public static String composite(ChecksumAlgorithm alg, List<byte[]> partDigests) {
    RunningChecksum running = alg.start();
    for (byte[] digest : partDigests) {
      requireLength(alg, digest);
      running.update(digest, 0, digest.length);
    }
    return encode(running.finish()) + "-" + partDigests.size();
  }

  /**
   * S3's FULL_OBJECT multipart checksum: the CRC of the whole object, combined from the parts' CRCs
   * and lengths (in part order) without reading the data again.
   */
  public static byte[] fullObject(
      ChecksumAlgorithm alg, List<byte[]> partCrcs, List<Long> partLengths) {
    CrcCombine combine = CrcCombine.of(alg);
    if (partCrcs.size() != partLengths.size()) {
      throw new IllegalArgumentException(
          partCrcs.size() + " CRCs but " + partLengths.size() + " lengths");
    }
    long crc = 0; // the CRC of no bytes; combining it with crc(B) yields crc(B)
    for (int i = 0; i < partCrcs.size(); i++) {
      byte[] part = partCrcs.get(i);
      requireLength(alg, part);
      crc = combine.combine(crc, toLong(part), partLengths.get(i));
    }
    return toBytes(crc, alg.digestLength());
  }

  private static void requireLength(ChecksumAlgorithm alg, byte[] digest) {
    if (digest.length != alg.digestLength()) {
      throw new IllegalArgumentException(
          alg + " digest must be " + alg.digestLength() + " bytes, not " + digest.length);
    }
  }
}
