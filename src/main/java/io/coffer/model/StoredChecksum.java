package io.coffer.model;

/**
 * A checksum kept with an object or part.
 *
 * @param algorithm CRC32, CRC32C, CRC64NVME, SHA1 or SHA256
 * @param value base64 value as S3 returns it (composite ones end in "-N")
 * @param type FULL_OBJECT or COMPOSITE
 */
public record StoredChecksum(String algorithm, String value, String type) {
  public static final String FULL_OBJECT = "FULL_OBJECT";
  public static final String COMPOSITE = "COMPOSITE";
}
