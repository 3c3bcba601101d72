package io.coffer.service;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.StoredChecksum;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a CompleteMultipartUpload expects the completed object to be: its checksum (an
 * x-amz-checksum-* header holding a full-object value, or a composite {@code <base64>-N} whose
 * {@code -N} may be left out; and x-amz-checksum-type) and its size (x-amz-mp-object-size). These
 * headers describe the object, not the request body.
 *
 * @param algorithm the algorithm of the x-amz-checksum-* header, or null when none was sent
 * @param checksum that header's value
 * @param checksumType the x-amz-checksum-type header (FULL_OBJECT or COMPOSITE), or null
 * @param size the x-amz-mp-object-size header, or null
 */
public record ExpectedObject(
    @Nullable ChecksumAlgorithm algorithm,
    @Nullable String checksum,
    @Nullable String checksumType,
    @Nullable Long size) {
  public static final ExpectedObject NONE = new ExpectedObject(null, null, null, null);

  /**
   * Checks, before any part is looked at, that the expectation is one the upload can meet: the
   * checksum type it was created with, and the algorithm its parts were checked with.
   */
  void requireCompatible(@Nullable String uploadAlgorithm, @Nullable String uploadType) {
    if (checksumType != null && !checksumType.equals(uploadType)) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The upload was created using the "
              + (uploadType == null ? "null" : uploadType)
              + " checksum mode. The complete request must use the same checksum mode.");
    }
    if (algorithm != null && !algorithm.name().equals(uploadAlgorithm)) {
      // Coffer has no part checksums of another algorithm to derive the object's from.
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The upload was created "
              + (uploadAlgorithm == null
                  ? "without a checksum algorithm"
                  : "using the " + uploadAlgorithm + " checksum algorithm")
              + ", so its object has no "
              + algorithm.name()
              + " checksum to check "
              + algorithm.headerName()
              + " against.");
    }
  }

  /**
   * Checks the object's size, and its checksum as derived from its parts, against the expected
   * ones.
   */
  void verify(long actualSize, @Nullable StoredChecksum actual, int partCount) {
    if (size != null && size != actualSize) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The provided 'x-amz-mp-object-size' header value "
              + size
              + " does not match what was computed: "
              + actualSize);
    }
    if (algorithm == null) {
      return;
    }
    String expected = Objects.requireNonNull(checksum); // given with its algorithm
    if (actual != null
        && StoredChecksum.COMPOSITE.equals(actual.type())
        && expected.indexOf('-') < 0) {
      expected = expected + "-" + partCount;
    }
    if (actual == null
        || !actual.algorithm().equals(algorithm.name())
        || !actual.value().equals(expected)) {
      throw new CofferException(
          ErrorCode.BAD_DIGEST,
          "The " + algorithm.name() + " you specified did not match the calculated checksum.");
    }
  }
}
