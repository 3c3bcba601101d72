package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import io.coffer.model.WritePrecondition;
import io.coffer.s3.Conditions;
import io.coffer.s3.ObjectBodies;
import io.coffer.s3.ObjectHeaders;
import io.coffer.s3.RangeHeader;
import io.coffer.s3.RequestBodies;
import io.coffer.s3.S3Request;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3RequestParser;
import io.coffer.service.ObjectRead;
import io.coffer.service.ObjectService;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** PutObject, GetObject, HeadObject, DeleteObject. */
public final class ObjectHandler {
  /** GET query parameters that override response headers, as S3 defines them. */
  private static final Map<String, String> RESPONSE_OVERRIDES =
      Map.of(
          "response-content-type", "Content-Type",
          "response-content-disposition", "Content-Disposition",
          "response-cache-control", "Cache-Control",
          "response-content-encoding", "Content-Encoding",
          "response-content-language", "Content-Language",
          "response-expires", "Expires");

  private final ObjectService objects;

  public ObjectHandler(ObjectService objects) {
    this.objects = objects;
  }

  HttpResponse putObject(S3Request request, S3Operation.PutObject op) {
    requireNullVersion(request);
    RequestBodies body = RequestBodies.open(request);
    ObjectMeta meta =
        objects.put(
            request.caller(),
            op.bucket(),
            op.key(),
            ObjectHeaders.fromRequest(request),
            body.stream(),
            body.length(),
            body.checks(),
            Conditions.write(request));
    HttpResponse response = new HttpResponse(200).header("ETag", ObjectHeaders.quoted(meta.etag()));
    ChecksumHeaders.write(response, meta.checksum());
    return response;
  }

  HttpResponse headObject(S3Request request, S3Operation.HeadObject op) {
    return read(request, op.bucket(), op.key(), true);
  }

  HttpResponse getObject(S3Request request, S3Operation.GetObject op) {
    return read(request, op.bucket(), op.key(), false);
  }

  private HttpResponse read(S3Request request, String bucket, String key, boolean head) {
    requireNullVersion(request);
    Integer partNumber = partNumber(request);
    ByteRange range = partNumber == null ? RangeHeader.parse(request.header("Range")) : null;
    if (partNumber != null && request.header("Range") != null) {
      throw new CofferException(ErrorCode.INVALID_REQUEST, "Cannot specify both Range header and partNumber query parameter.");
    }
    ObjectRead read;
    try {
      read = objects.read(request.caller(), bucket, key, Conditions.read(request), range, partNumber);
    } catch (CofferException e) {
      if (e.code() == ErrorCode.NOT_MODIFIED) {
        return notModified(bucket, key);
      }
      throw e;
    }
    ObjectMeta meta = read.meta();
    boolean partial = read.range() != null;
    HttpResponse response = new HttpResponse(partial ? 206 : 200);
    ObjectHeaders.write(response, meta);
    if (partial) {
      response.header("Content-Range", Objects.requireNonNull(read.range()).contentRange());
    }
    if (meta.isMultipart() && (partNumber != null || head)) {
      response.header("x-amz-mp-parts-count", meta.partCount());
    }
    // A whole-object checksum would fail an SDK's validation of a partial body.
    if (!partial && "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"))) {
      ChecksumHeaders.write(response, meta.checksum());
    }
    applyOverrides(request, response);
    if (head) {
      read.close();
      return response.body(new HttpResponse.Body.Stream(java.io.InputStream.nullInputStream(), read.length())).headOnly();
    }
    return response.body(ObjectBodies.of(read));
  }

  private HttpResponse notModified(String bucket, String key) {
    // 304 repeats the validators, so caches can update what they hold.
    HttpResponse response = new HttpResponse(304);
    objects.findIfPresent(bucket, key).ifPresent(meta -> ObjectHeaders.write(response, meta));
    return response;
  }

  private static void applyOverrides(S3Request request, HttpResponse response) {
    for (Map.Entry<String, String> override : RESPONSE_OVERRIDES.entrySet()) {
      String value = request.query().get(override.getKey());
      if (value != null) {
        response.headers().removeIf(h -> h[0].equalsIgnoreCase(override.getValue()));
        response.header(override.getValue(), value);
      }
    }
  }

  private static @Nullable Integer partNumber(S3Request request) {
    String value = request.query().get("partNumber");
    return value == null ? null : S3RequestParser.partNumber(value);
  }

  HttpResponse deleteObject(S3Request request, S3Operation.DeleteObject op) {
    requireNullVersion(request);
    String ifMatch = request.header("If-Match");
    WritePrecondition precondition =
        ifMatch == null ? WritePrecondition.NONE : new WritePrecondition(ifMatch.trim(), false);
    objects.delete(request.caller(), op.bucket(), op.key(), precondition);
    return new HttpResponse(204);
  }

  /** Until versioning exists, the only version of an object is "null". */
  static void requireNullVersion(S3Request request) {
    String version = request.query().get("versionId");
    if (version != null && !version.equals("null")) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid version id specified");
    }
  }
}
