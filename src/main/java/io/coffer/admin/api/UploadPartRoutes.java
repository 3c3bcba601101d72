package io.coffer.admin.api;

import io.coffer.admin.api.body.UploadBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.crypto.SseRequest;
import io.coffer.http.HttpResponse;
import io.coffer.model.CompletedUpload;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectLock;
import io.coffer.model.Part;
import io.coffer.model.WritePrecondition;
import io.coffer.service.AclRequest;
import io.coffer.service.CompletedPartSpec;
import io.coffer.service.ExpectedObject;
import io.coffer.service.MultipartService;
import io.coffer.service.Names;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.PayloadChecks;
import io.coffer.service.UploadParts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's multipart uploads: start one, send its parts (several at once, each a plain PUT
 * whose body streams into the part's file), list the parts already stored (to resume after a page
 * reload) and complete it. Aborting is {@link UploadRoutes}'s DELETE.
 *
 * <p>The part, parts and complete routes take the object's key as {@code ?key=}: the service checks
 * access for that key and finds the upload only under it, as S3 does with the key in its path.
 */
final class UploadPartRoutes {
  static final int DEFAULT_PARTS_LIMIT = 1000;

  private final MultipartService multipart;

  UploadPartRoutes(MultipartService multipart) {
    this.multipart = multipart;
  }

  void register(Router router) {
    String upload = "/api/v1/buckets/{bucket}/multipart-uploads/{upload_id}";
    router
        .addForUsers("POST", "/api/v1/buckets/{bucket}/multipart-uploads", this::create)
        .addForUsers("GET", upload + "/parts", this::listParts)
        .addForUsers("PUT", upload + "/parts/{part_number}", this::uploadPart)
        .addForUsers("POST", upload + "/complete", this::complete);
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    String bucket = BucketRoutes.name(request);
    UploadBodies.CreateRequest body = request.body(UploadBodies.CreateRequest.class, false);
    if (body.key() == null) {
      throw ApiException.invalid("key is required.");
    }
    Names.requireValidKey(body.key());
    MultipartUpload created =
        multipart.create(
            request.caller(),
            bucket,
            body.key(),
            new ObjectAttributes(body.contentType(), Map.of(), Map.of()),
            null,
            null,
            ObjectLock.NONE,
            AclRequest.NONE,
            Map.of(),
            SseRequest.NONE);
    return JsonResponses.json(
        201, new UploadBodies.Created(bucket, created.key(), created.uploadId()));
  }

  /** Streams the body into the part: nothing is held in memory beyond a buffer. */
  private HttpResponse uploadPart(ApiRequest request) {
    String bucket = BucketRoutes.name(request);
    String key = key(request);
    int partNumber = partNumber(request);
    MultipartService.UploadedPart uploaded =
        multipart.uploadPart(
            request.caller(),
            bucket,
            key,
            request.param("upload_id"),
            partNumber,
            request.http().body(),
            request.http().contentLength(),
            PayloadChecks.NONE,
            null);
    return JsonResponses.json(200, part(uploaded.part()));
  }

  /** One page of the parts stored so far, in part order, after {@code part_number_marker}. */
  private HttpResponse listParts(ApiRequest request) {
    String bucket = BucketRoutes.name(request);
    String key = key(request);
    int after = request.intQuery("part_number_marker", 0, 0, MultipartService.MAX_PART_NUMBER);
    int limit = request.intQuery("limit", DEFAULT_PARTS_LIMIT, 1, MultipartService.MAX_PART_NUMBER);
    UploadParts listed =
        multipart.listParts(
            request.caller(), bucket, key, request.param("upload_id"), after, limit + 1);
    List<Part> parts = listed.parts();
    boolean truncated = parts.size() > limit;
    List<UploadBodies.PartBody> page =
        parts.stream().limit(limit).map(UploadPartRoutes::part).toList();
    return JsonResponses.json(
        200,
        new UploadBodies.PartList(
            bucket,
            key,
            listed.upload().uploadId(),
            page,
            truncated ? page.get(page.size() - 1).partNumber() : null,
            truncated));
  }

  /** Completes the upload with the parts named, in ascending order, as S3's completion does. */
  private HttpResponse complete(ApiRequest request) throws IOException {
    String bucket = BucketRoutes.name(request);
    String key = key(request);
    UploadBodies.CompleteRequest body = request.body(UploadBodies.CompleteRequest.class, false);
    if (body.parts() == null
        || body.parts().isEmpty()
        || body.parts().size() > MultipartService.MAX_PART_NUMBER) {
      throw ApiException.invalid("parts must be an array of 1 to 10000 {part_number, etag}.");
    }
    List<CompletedPartSpec> specs = new ArrayList<>(body.parts().size());
    for (UploadBodies.CompletedPart part : body.parts()) {
      if (part == null || part.partNumber() == null || part.etag() == null) {
        throw ApiException.invalid("Every part needs its part_number and etag.");
      }
      specs.add(new CompletedPartSpec(part.partNumber(), part.etag(), Map.of()));
    }
    CompletedUpload completed =
        multipart
            .complete(
                request.caller(),
                bucket,
                key,
                request.param("upload_id"),
                specs,
                ExpectedObject.NONE,
                WritePrecondition.NONE,
                null)
            .upload();
    return JsonResponses.json(
        200,
        new UploadBodies.Completed(
            bucket, key, completed.etag(), completed.size(), completed.versionId()));
  }

  private static UploadBodies.PartBody part(Part part) {
    return new UploadBodies.PartBody(
        part.partNumber(), part.etag(), part.size(), Formats.time(part.lastModified()));
  }

  private static String key(ApiRequest request) {
    String key = request.query("key");
    if (key == null) {
      throw ApiException.invalid("key is required: the key the upload was started for.");
    }
    Names.requireValidKey(key);
    return key;
  }

  private static int partNumber(ApiRequest request) {
    String value = request.param("part_number");
    try {
      int number = Integer.parseInt(value);
      if (number >= 1 && number <= MultipartService.MAX_PART_NUMBER) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid("part_number must be an integer between 1 and 10000.");
  }
}
