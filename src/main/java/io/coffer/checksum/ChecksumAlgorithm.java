package io.coffer.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/** The checksum algorithms S3 supports, named as in x-amz-checksum-algorithm. */
public enum ChecksumAlgorithm {
  CRC32(4),
  CRC32C(4),
  CRC64NVME(8),
  SHA1(20),
  SHA256(32);

  private static final String HEADER_PREFIX = "x-amz-checksum-";

  private final int digestLength;
  private final String headerName;

  ChecksumAlgorithm(int digestLength) {
    this.digestLength = digestLength;
    this.headerName = HEADER_PREFIX + name().toLowerCase(Locale.ROOT);
  }

  /** The header carrying this checksum, in lower case, e.g. "x-amz-checksum-crc64nvme". */
  public String headerName() {
    return headerName;
  }

  /** Parses an algorithm name in any case ("crc32", "CRC64NVME"); empty for anything else. */
  public static Optional<ChecksumAlgorithm> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (ChecksumAlgorithm alg : values()) {
      if (alg.name().equalsIgnoreCase(name)) {
        return Optional.of(alg);
      }
    }
    return Optional.empty();
  }

  /** Maps a header name in any case ("X-Amz-Checksum-Sha256") to its algorithm. */
  public static Optional<ChecksumAlgorithm> fromHeaderName(String header) {
    if (header == null
        || header.length() <= HEADER_PREFIX.length()
        || !header.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())) {
      return Optional.empty();
    }
    return fromName(header.substring(HEADER_PREFIX.length()));
  }

  public RunningChecksum start() {
    return switch (this) {
      case CRC32 -> new CrcChecksum(new CRC32(), 4);
      case CRC32C -> new CrcChecksum(new CRC32C(), 4);
      case CRC64NVME -> new CrcChecksum(new Crc64Nvme(), 8);
      case SHA1 -> new DigestChecksum(messageDigest("SHA-1"));
      case SHA256 -> new DigestChecksum(messageDigest("SHA-256"));
    };
  }

  /** CRCs are linear, so their whole-object value can be combined from part values. */
  public boolean isCrc() {
    return this == CRC32 || this == CRC32C || this == CRC64NVME;
  }

  /** Whether S3 accepts this algorithm with checksum type FULL_OBJECT for multipart uploads. */
  public boolean supportsFullObject() {
    return isCrc();
  }

  /** Whether S3 accepts this algorithm with checksum type COMPOSITE (CRC64NVME is full only). */
  public boolean supportsComposite() {
    return this != CRC64NVME;
  }

  /** Length in bytes of the raw (not base64) digest. */
  public int digestLength() {
    return digestLength;
  }

  private static MessageDigest messageDigest(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-1 and SHA-256.
      throw new IllegalStateException(name + " unavailable", e);
    }
  }
}
