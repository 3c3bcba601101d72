package io.coffer.s3.request;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.checksum.Checksums;
import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the headers say a request body must match: Content-MD5, and the checksum of an
 * x-amz-checksum-* header, of an x-amz-trailer that will carry one, or only requested
 * (x-amz-sdk-checksum-algorithm). The signed payload hash comes from authentication, not from here.
 *
 * @param contentMd5 base64 Content-MD5, or null
 * @param algorithm the checksum to compute and store, or null
 * @param value its expected value from a header, or null
 * @param trailer the lower-case name of the trailer that carries the expected value, or null
 */
public record BodyChecksums(
    @Nullable String contentMd5,
    @Nullable ChecksumAlgorithm algorithm,
    @Nullable String value,
    @Nullable String trailer) {
  private static final String PREFIX = "x-amz-checksum-";

  /** For a body the x-amz-checksum-* headers describe. */
  static BodyChecksums of(Headers headers) {
    return parse(headers, true);
  }

  /**
   * For the body of a CompleteMultipartUpload, whose x-amz-checksum-* headers are the expected
   * checksum of the object being completed, not of the XML document (Content-MD5 and trailers still
   * check the document).
   */
  static BodyChecksums ofDocumentOnly(Headers headers) {
    return parse(headers, false);
  }

  /**
   * Whether the client sent something the body is checked against: Content-MD5, an x-amz-checksum-*
   * header or a trailer carrying one (not only a requested algorithm). S3 requires one for the
   * operations its model marks {@code requestChecksumRequired} that it enforces.
   */
  public boolean sentIntegrityCheck() {
    return contentMd5 != null || value != null || trailer != null;
  }

  /**
   * For a body S3 accepts only with an integrity header.
   *
   * @param message the InvalidRequest message AWS gives when there is none
   */
  static BodyChecksums required(Headers headers, String message) {
    BodyChecksums checksums = of(headers);
    if (!checksums.sentIntegrityCheck()) {
      throw new CofferException(ErrorCode.INVALID_REQUEST, message);
    }
    return checksums;
  }

  private static BodyChecksums parse(Headers headers, boolean checksumHeadersDescribeBody) {
    ChecksumHeaderParser.Sent sent =
        checksumHeadersDescribeBody
            ? ChecksumHeaderParser.find(
                headers, (algorithm, value) -> Checksums.decode(algorithm, value).isPresent())
            : null;
    ChecksumAlgorithm algorithm = sent == null ? null : sent.algorithm();
    String value = sent == null ? null : sent.value();
    String trailerHeader = headers.get("x-amz-trailer");
    String trailerName =
        trailerHeader == null ? null : trailerHeader.trim().toLowerCase(Locale.ROOT);
    String trailer = null;
    if (algorithm == null && trailerName != null && trailerName.startsWith(PREFIX)) {
      algorithm =
          ChecksumAlgorithm.fromHeaderName(trailerName)
              .orElseThrow(
                  () ->
                      new CofferException(
                          ErrorCode.INVALID_REQUEST, "Unsupported trailer " + trailerName));
      trailer = trailerName;
    }
    if (algorithm == null && checksumHeadersDescribeBody) {
      String requested = headers.get("x-amz-sdk-checksum-algorithm");
      if (requested == null) {
        requested = headers.get("x-amz-checksum-algorithm");
      }
      if (requested != null) {
        String name = requested.trim();
        algorithm =
            ChecksumAlgorithm.fromName(name)
                .orElseThrow(
                    () ->
                        new CofferException(
                            ErrorCode.INVALID_REQUEST,
                            "Checksum algorithm " + name + " is not supported."));
      }
    }
    return new BodyChecksums(headers.get("Content-MD5"), algorithm, value, trailer);
  }
}
