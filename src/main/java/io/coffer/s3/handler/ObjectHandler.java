package io.coffer.s3.handler;

import io.coffer.frontend.ObjectReadBody;
import io.coffer.http.HttpResponse;
import io.coffer.model.EventName;
import io.coffer.model.ObjectMeta;
import io.coffer.s3.request.ReadParameters;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.ChecksumHeaders;
import io.coffer.s3.response.EncryptionHeaders;
import io.coffer.s3.response.ObjectHeaders;
import io.coffer.service.BucketService;
import io.coffer.service.DeleteOutcome;
import io.coffer.service.ObjectRead;
import io.coffer.service.ObjectService;
import io.coffer.service.ReadResult;
import io.coffer.service.lifecycle.ObjectExpiry;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/** PutObject, GetObject, HeadObject, DeleteObject. */
public final class ObjectHandler {
  private final ObjectService objects;
  private final BucketService buckets;
  private final ObjectExpiry expiry;

  public ObjectHandler(ObjectService objects, BucketService buckets, ObjectExpiry expiry) {
    this.objects = objects;
    this.buckets = buckets;
    this.expiry = expiry;
  }

  /** x-amz-expiration when a lifecycle rule expires the (current) version. */
  private void expiration(HttpResponse response, ObjectMeta current) {
    expiry.of(current).ifPresent(due -> ObjectHeaders.expiration(response, due.at(), due.ruleId()));
  }

  HttpResponse putObject(S3Request request, S3Operation.PutObject op) {
    RequestBodies body = RequestBodies.open(request, op.checksums());
    ObjectMeta meta =
        objects.put(
            request.caller(),
            op.bucket(),
            op.key(),
            request.storedAttributes(op.attributes()),
            body.stream(),
            body.length(),
            body.checks(),
            op.writePrecondition(),
            op.lock(),
            op.acl(),
            op.tags(),
            op.sse(),
            EventName.OBJECT_CREATED_PUT);
    HttpResponse response = new HttpResponse(200).header("ETag", ObjectHeaders.quoted(meta.etag()));
    ChecksumHeaders.write(response, meta.checksum());
    EncryptionHeaders.written(response, meta.encryption(), op.sse(), buckets.region());
    ObjectHeaders.versionId(response, buckets.everVersioned(op.bucket()), meta.versionId());
    expiration(response, meta);
    return response;
  }

  HttpResponse headObject(S3Request request, S3Operation.HeadObject op) {
    return read(request, op.bucket(), op.key(), op.read(), true);
  }

  HttpResponse getObject(S3Request request, S3Operation.GetObject op) {
    return read(request, op.bucket(), op.key(), op.read(), false);
  }

  private HttpResponse read(
      S3Request request, String bucket, String key, ReadParameters params, boolean head) {
    return switch (objects.read(
        request.caller(),
        bucket,
        key,
        params.versionId(),
        params.conditions(),
        params.range(),
        params.partNumber(),
        params.customerKey())) {
      case ObjectRead read -> {
        HttpResponse response = found(read, params, head, buckets.everVersioned(bucket));
        EncryptionHeaders.write(
            response, read.meta().encryption(), params.customerKey(), buckets.region());
        if (params.versionId() == null) { // AWS names the expiry of current versions
          expiration(response, read.meta());
        }
        yield response;
      }
      case ReadResult.NotModified notModified ->
          notModified(notModified.meta(), buckets.everVersioned(bucket));
    };
  }

  private static HttpResponse found(
      ObjectRead read, ReadParameters params, boolean head, boolean everVersioned) {
    ObjectMeta meta = read.meta();
    boolean partial = read.range() != null;
    HttpResponse response = new HttpResponse(partial ? 206 : 200);
    ObjectHeaders.write(response, meta);
    ObjectHeaders.versionId(response, everVersioned, meta.versionId());
    ObjectHeaders.tagCount(response, meta);
    if (partial) {
      response.header("Content-Range", Objects.requireNonNull(read.range()).contentRange());
    }
    if (meta.isMultipart() && (params.partNumber() != null || head)) {
      response.header("x-amz-mp-parts-count", meta.partCount());
    }
    // A whole-object checksum would fail an SDK's validation of a partial body.
    if (!partial && params.checksumMode()) {
      ChecksumHeaders.write(response, meta.checksum());
    }
    for (Map.Entry<String, String> override : params.responseOverrides().entrySet()) {
      response.headers().removeIf(h -> h[0].equalsIgnoreCase(override.getKey()));
      response.header(override.getKey(), override.getValue());
    }
    if (head) {
      read.close();
      return response
          .body(new HttpResponse.Body.Stream(InputStream.nullInputStream(), read.length()))
          .headOnly();
    }
    return response.body(ObjectReadBody.of(read));
  }

  private static HttpResponse notModified(ObjectMeta meta, boolean everVersioned) {
    // 304 repeats the validators, so caches can update what they hold.
    HttpResponse response = new HttpResponse(304);
    ObjectHeaders.write(response, meta);
    ObjectHeaders.versionId(response, everVersioned, meta.versionId());
    return response;
  }

  /**
   * 204, with x-amz-version-id (the marker made or the version removed) in a bucket that was ever
   * versioned, and x-amz-delete-marker: true when a marker was made or removed.
   */
  HttpResponse deleteObject(S3Request request, S3Operation.DeleteObject op) {
    DeleteOutcome outcome =
        objects.delete(
            request.caller(),
            op.bucket(),
            op.key(),
            op.versionId(),
            op.writePrecondition(),
            op.bypassGovernance());
    HttpResponse response = new HttpResponse(204);
    if (outcome.deleteMarker()) {
      response.header("x-amz-delete-marker", "true");
    }
    return response.header("x-amz-version-id", outcome.versionId());
  }
}
