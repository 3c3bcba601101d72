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
import io.coffer.service.UploadsAcrossBuckets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * /api/v1/buckets/{bucket}/multipart-uploads: uploads in progress, and aborting one;
 * /api/v1/multipart-uploads: those of every bucket, a page at a time.
 */
final class UploadRoutes {
  /** Each upload listed costs a look at its parts, so pages are shorter than object pages. */
  static final int ALL_DEFAULT_LIMIT = 100;

  static final int ALL_MAX_LIMIT = 1000;

  private final BucketService buckets;
  private final MultipartService multipart;
  private final CredentialService credentials;
  private final UploadsAcrossBuckets acrossBuckets;

  UploadRoutes(BucketService buckets, MultipartService multipart, CredentialService credentials) {
    this.buckets = buckets;
    this.multipart = multipart;
    this.credentials = credentials;
    this.acrossBuckets = new UploadsAcrossBuckets(buckets, multipart);
  }

  void register(Router router) {
    router
        .addForUsers("GET", "/api/v1/multipart-uploads", this::listAll)
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
    Map<Long, String> names = initiatorNames(listing.uploads());
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

  /** One page of the uploads in progress in every bucket the caller sees, by bucket then key. */
  private HttpResponse listAll(ApiRequest request) {
    int limit = request.intQuery("limit", ALL_DEFAULT_LIMIT, 1, ALL_MAX_LIMIT);
    UploadsAcrossBuckets.Cursor from = cursor(request);
    UploadsAcrossBuckets.Page page = acrossBuckets.list(request.caller(), from, limit);
    Map<Long, String> names = initiatorNames(page.uploads());
    // Parts are looked up bucket by bucket, the page's order kept.
    Map<String, List<MultipartUpload>> byBucket = new LinkedHashMap<>();
    for (MultipartUpload upload : page.uploads()) {
      byBucket.computeIfAbsent(upload.bucket(), b -> new ArrayList<>()).add(upload);
    }
    List<UploadBodies.BucketSummary> uploads = new ArrayList<>();
    byBucket.forEach(
        (bucket, inBucket) -> {
          for (UploadParts u : multipart.withParts(request.caller(), bucket, inBucket)) {
            UploadBodies.Summary s = summary(u, names.get(u.upload().initiatorId()));
            uploads.add(
                new UploadBodies.BucketSummary(
                    bucket,
                    s.uploadId(),
                    s.objectKey(),
                    s.initiatedBy(),
                    s.contentType(),
                    s.initiatedAt(),
                    s.partCount(),
                    s.totalSize(),
                    s.totalSizeHuman()));
          }
        });
    UploadsAcrossBuckets.Cursor next = page.next();
    return JsonResponses.json(
        200,
        new UploadBodies.AllListBody(
            uploads,
            next == null ? null : next.bucket(),
            next == null ? null : next.keyMarker(),
            next == null ? null : next.uploadIdMarker(),
            next != null));
  }

  /** Where a page of the list across buckets starts: the markers of the previous page's answer. */
  private static UploadsAcrossBuckets.Cursor cursor(ApiRequest request) {
    String bucket = nonEmpty(request.query("bucket_marker"));
    String key = nonEmpty(request.query("key_marker"));
    String uploadId = nonEmpty(request.query("upload_id_marker"));
    if (key != null && bucket == null) {
      throw ApiException.invalid("key_marker needs a bucket_marker.");
    }
    if (uploadId != null && key == null) {
      throw ApiException.invalid("upload_id_marker needs a key_marker.");
    }
    return new UploadsAcrossBuckets.Cursor(bucket, key, uploadId);
  }

  private static @Nullable String nonEmpty(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The user names of the credentials that started these uploads, by credential ID. */
  private Map<Long, String> initiatorNames(List<MultipartUpload> uploads) {
    Map<Long, String> names = new HashMap<>();
    if (!uploads.isEmpty()) {
      for (Credential c : credentials.list()) {
        names.put(c.id(), c.userName());
      }
    }
    return names;
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
