package io.coffer.service;

import io.coffer.model.StoredChecksum;
import org.jspecify.annotations.Nullable;

/**
 * A request body that has been stored and checked.
 *
 * @param blobId the blob holding it, or null when it is kept inline
 * @param inline the bytes when kept inline, else null
 * @param md5 the binary MD5 digest
 * @param checksum the computed checksum, or null when none was asked for
 * @param checksumBytes the raw digest of that checksum (for multipart combination), or null
 */
public record StoredBody(
    @Nullable String blobId,
    byte @Nullable [] inline,
    long size,
    byte[] md5,
    @Nullable StoredChecksum checksum,
    byte @Nullable [] checksumBytes) {

  public String md5Hex() {
    return java.util.HexFormat.of().formatHex(md5);
  }
}
