package io.coffer.service;

import io.coffer.checksum.ChecksumAlgorithm;
import java.util.function.Supplier;

/**
 * What a request body must turn out to be, checked in the same pass that stores it.
 *
 * @param contentMd5 base64 Content-MD5, or null (mismatch: BAD_DIGEST)
 * @param sha256Hex the signed payload hash, or null when unsigned (mismatch:
 *     X_AMZ_CONTENT_SHA256_MISMATCH)
 * @param checksumAlgorithm the checksum to compute and store, or null
 * @param checksumValue its expected base64 value sent as a header, or null
 * @param trailingChecksum supplies the expected value sent in a trailer, read after the body's end;
 *     null when there is none
 */
public record PayloadChecks(
    String contentMd5,
    String sha256Hex,
    ChecksumAlgorithm checksumAlgorithm,
    String checksumValue,
    Supplier<String> trailingChecksum) {

  public static final PayloadChecks NONE = new PayloadChecks(null, null, null, null, null);
}
