package io.coffer.s3.request;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectLock;
import io.coffer.model.WritePrecondition;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.VersionIds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the headers and query parameters of the operations on one object. */
final class ObjectParameters {
  /** GET query parameters that override response headers, as S3 defines them. */
  private static final Map<String, String> RESPONSE_OVERRIDES =
      Map.of(
          "response-content-type", "Content-Type",
          "response-content-disposition", "Content-Disposition",
          "response-cache-control", "Cache-Control",
          "response-content-encoding", "Content-Encoding",
          "response-content-language", "Content-Language",
          "response-expires", "Expires");

  private ObjectParameters() {}

  static ReadParameters read(Query query, Headers headers) {
    String versionId = versionId(query);
    String partParameter = query.get("partNumber");
    Integer partNumber = partParameter == null ? null : S3RequestParser.partNumber(partParameter);
    ByteRange range = partNumber == null ? RangeHeader.parse(headers.get("Range")) : null;
    if (partNumber != null && headers.get("Range") != null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "Cannot specify both Range header and partNumber query parameter.");
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    RESPONSE_OVERRIDES.forEach(
        (parameter, header) -> {
          String value = query.get(parameter);
          if (value != null) {
            overrides.put(header, value);
          }
        });
    boolean checksumMode = "ENABLED".equalsIgnoreCase(headers.get("x-amz-checksum-mode"));
    return new ReadParameters(
        range,
        partNumber,
        Conditions.read(headers),
        overrides,
        checksumMode,
        versionId,
        SseHeaders.customerKey(headers));
  }

  static S3Operation.PutObject put(String bucket, String key, Query query, Headers headers) {
    versionId(query);
    BodyChecksums checksums = BodyChecksums.of(headers);
    ObjectLock lock = ObjectLockHeaders.parse(headers);
    if (ObjectLockHeaders.present(headers)
        && checksums.contentMd5() == null
        && checksums.algorithm() == null
        && checksums.trailer() == null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with"
              + " Object Lock parameters");
    }
    return new S3Operation.PutObject(
        bucket,
        key,
        ObjectAttributeHeaders.parse(headers),
        Conditions.write(headers),
        checksums,
        lock,
        AclHeaders.parse(headers),
        TaggingHeaders.parse(headers),
        SseHeaders.write(headers));
  }

  static S3Operation.DeleteObject delete(String bucket, String key, Query query, Headers headers) {
    String versionId = versionId(query);
    String ifMatch = headers.get("If-Match");
    WritePrecondition precondition =
        ifMatch == null ? WritePrecondition.NONE : new WritePrecondition(ifMatch.trim(), false);
    return new S3Operation.DeleteObject(
        bucket, key, versionId, precondition, bypassGovernance(headers));
  }

  /** x-amz-bypass-governance-retention: true, on DeleteObject and DeleteObjects. */
  static boolean bypassGovernance(Headers headers) {
    String value = headers.get("x-amz-bypass-governance-retention");
    return value != null && value.trim().equalsIgnoreCase("true");
  }

  static S3Operation.CopyObject copy(
      String bucket, String key, S3Operation.CopySource source, Headers headers) {
    String directive = headers.get("x-amz-metadata-directive");
    ObjectAttributes replacement = null;
    if (directive != null && directive.trim().equalsIgnoreCase("REPLACE")) {
      replacement = ObjectAttributeHeaders.parse(headers);
    } else if (directive != null && !directive.trim().equalsIgnoreCase("COPY")) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Unknown metadata directive.");
    }
    ChecksumAlgorithm algorithm = checksumAlgorithm(headers);
    return new S3Operation.CopyObject(
        bucket,
        key,
        source,
        Conditions.copySource(headers),
        replacement,
        algorithm,
        Conditions.write(headers),
        ObjectLockHeaders.parse(headers),
        AclHeaders.parse(headers),
        TaggingHeaders.copyReplacement(headers),
        SseHeaders.write(headers),
        SseHeaders.copySourceKey(headers));
  }

  static S3Operation.CreateMultipartUpload createMultipartUpload(
      String bucket, String key, Headers headers) {
    ChecksumAlgorithm algorithm = checksumAlgorithm(headers);
    String type = ChecksumHeaderParser.type(headers);
    if (type != null && algorithm == null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm"
              + " header.");
    }
    return new S3Operation.CreateMultipartUpload(
        bucket,
        key,
        ObjectAttributeHeaders.parse(headers),
        algorithm,
        type,
        ObjectLockHeaders.parse(headers),
        AclHeaders.parse(headers),
        TaggingHeaders.parse(headers),
        SseHeaders.write(headers));
  }

  /** x-amz-checksum-algorithm: the checksum an object or upload is to have, or null. */
  private static @Nullable ChecksumAlgorithm checksumAlgorithm(Headers headers) {
    String requested = headers.get("x-amz-checksum-algorithm");
    if (requested == null) {
      return null;
    }
    return ChecksumAlgorithm.fromName(requested.trim())
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.INVALID_REQUEST,
                    "Checksum algorithm " + requested + " is not supported."));
  }

  /** The versionId query parameter: null, "null" or an ID this server could have made. */
  static @Nullable String versionId(Query query) {
    return wellFormedVersion(query.get("versionId"));
  }

  /**
   * A version ID as sent, or null; one Coffer could not have made is InvalidArgument, as S3
   * answers.
   */
  static @Nullable String wellFormedVersion(@Nullable String version) {
    if (version != null && !VersionIds.isWellFormed(version)) {
      throw CofferException.invalidArgument("Invalid version id specified", "versionId", version);
    }
    return version;
  }
}
