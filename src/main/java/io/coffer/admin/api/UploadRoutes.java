package io.coffer.admin.api;

import io.coffer.admin.api.body.UploadBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.Credential;
import io.coffer.model.MultipartUpload;
import io.coffer.model.Part;
import io.coffer.model.UploadListing;
import io.coffer.service.BucketService;
import io.coffer.service.CredentialService;
import io.coffer.service.MultipartService;
import io.coffer.service.UploadParts;
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
        .addForUsers("GET", "/api/v1/buckets/{bucket}/multipart-uploads", this::list)
        .addForUsers(
            "DELETE", "/api/v1/buckets/{bucket}/multipart-uploads/{upload_id}", this::abort);
  }

  private HttpResponse list(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    int limit = request.intQuery("limit", ObjectListing.DEFAULT_LIMIT, 1, ObjectListing.MAX_LIMIT);
    UploadListing listing =
        multipart.listUploads(
            request.caller(),
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
        multipart.withParts(request.caller(), bucket.name(), listing.uploads()).stream()
            .map(u -> summary(u, names.get(u.upload().initiatorId())))
            .toList();
    return JsonResponses.json(
        200,
        new UploadBodies.ListBody(
            uploads,
            listing.truncated() ? listing.nextKeyMarker() : null,
            listing.truncated() ? listing.nextUploadIdMarker() : null,
            listing.truncated()));
  }

  private static UploadBodies.Summary summary(UploadParts uploadParts, @Nullable String initiator) {
    MultipartUpload upload = uploadParts.upload();
    List<Part> parts = uploadParts.parts();
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
    // The management API knows an upload by its ID alone: any key.
    multipart.abort(request.caller(), bucket.name(), null, request.param("upload_id"));
    return JsonResponses.done();
  }
}
