package io.coffer.s3.xml;

import io.coffer.checksum.ChecksumAlgorithm;
import java.util.Map;
import java.util.Optional;

/**
 * One Part of a CompleteMultipartUpload request, as sent: nothing here is checked against the
 * upload (order, existence, ETag match and checksum match are the service's job).
 *
 * @param partNumber a positive integer (the 1..10000 range is checked by the service)
 * @param etag the ETag as sent, usually quoted; surrounding whitespace removed
 * @param checksums the Checksum* values sent (base64, not decoded), keyed by algorithm
 */
public record CompletedPart(int partNumber, String etag, Map<ChecksumAlgorithm, String> checksums) {

  public CompletedPart {
    checksums = Map.copyOf(checksums);
  }

  public Optional<String> checksum(ChecksumAlgorithm alg) {
    return Optional.ofNullable(checksums.get(alg));
  }
}
