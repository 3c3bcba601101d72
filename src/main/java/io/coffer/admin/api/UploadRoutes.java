package io.coffer.admin.api;

import io.coffer.admin.JsonResponses;
import io.coffer.admin.api.body.UploadBodies;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.Credential;
import io.coffer.model.MultipartUpload;
import io.coffer.model.Part;
import io.coffer.model.UploadListing;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.CredentialService;
import io.coffer.service.MultipartService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** /api/v1/buckets/{bucket}/multipart-uploads: uploads in progress, and aborting one. */
final class UploadRoutes {
  private final BucketService buckets;
  private final MultipartService multipart;
  private final CredentialService credentials;

  UploadRoutes(BucketService buckets, MultipartService multipart, CredentialService credentials) {
    this.buckets = buckets;
    this.multipart = multipart;
    this.credentials = credentials;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/multipart-uploads", this::list)
        .add("DELETE", "/api/v1/buckets/{bucket}/multipart-uploads/{upload_id}", this::abort);
  }

  private HttpResponse list(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    int limit = request.intQuery("limit", ObjectListing.DEFAULT_LIMIT, 1, ObjectListing.MAX_LIMIT);
    UploadListing listing =
        multipart.listUploads(
            Caller.ADMIN,
            bucket.name(),
            request.query("prefix"),
            null,
            request.query("key_marker"),
            request.query("upload_id_marker"),
            limit);
    Map<Long, String> names = new HashMap<>();
    if (!listing.uploads().isEmpty()) {
      for (Credential c : credentials.list()) {
        names.put(c.id(), c.userName());
      }
    }
    List<UploadBodies.Summary> uploads =
        listing.uploads().stream().map(u -> summary(u, names.get(u.initiatorId()))).toList();
    return JsonResponses.json(
        200,
        new UploadBodies.ListBody(
            uploads,
            listing.truncated() ? listing.nextKeyMarker() : null,
            listing.truncated() ? listing.nextUploadIdMarker() : null,
            listing.truncated()));
  }

  private UploadBodies.Summary summary(MultipartUpload upload, @Nullable String initiator) {
    List<Part> parts = multipart.parts(upload.uploadId());
    long size = parts.stream().mapToLong(Part::size).sum();
    return new UploadBodies.Summary(
        upload.uploadId(),
        upload.key(),
        initiator,
        upload.contentType(),
        Formats.time(upload.initiatedAt()),
        parts.size(),
        size,
        Formats.size(size));
  }

  private HttpResponse abort(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    MultipartUpload upload =
        multipart.requireInBucket(Caller.ADMIN, bucket.name(), request.param("upload_id"));
    multipart.abortUnchecked(bucket.name(), upload.uploadId());
    return JsonResponses.done();
  }
}
