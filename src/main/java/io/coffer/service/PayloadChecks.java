package io.coffer.service;

import io.coffer.checksum.ChecksumAlgorithm;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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
    @Nullable String contentMd5,
    @Nullable String sha256Hex,
    @Nullable ChecksumAlgorithm checksumAlgorithm,
    @Nullable String checksumValue,
    @Nullable Supplier<String> trailingChecksum) {

  public static final PayloadChecks NONE = new PayloadChecks(null, null, null, null, null);
}
