package io.coffer.admin.api;

import io.coffer.admin.api.body.ObjectBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.WritePrecondition;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.Names;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.ObjectDetails;
import io.coffer.service.ObjectService;
import io.coffer.service.PayloadChecks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * /api/v1/buckets/{bucket}/objects: list, delete many, show, delete, and (for the console) upload.
 * Keys come last in the path and may contain slashes.
 */
final class ObjectRoutes {
  static final int MAX_DELETE_KEYS = 1000;

  private final BucketService buckets;
  private final ObjectService objects;

  ObjectRoutes(BucketService buckets, ObjectService objects) {
    this.buckets = buckets;
    this.objects = objects;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/objects", this::list)
        // Before the key routes: only POST goes to "delete", every other method sees a key.
        .add("POST", "/api/v1/buckets/{bucket}/objects/delete", this::deleteMany)
        .add("GET", "/api/v1/buckets/{bucket}/objects/{key+}", this::get)
        .add("PUT", "/api/v1/buckets/{bucket}/objects/{key+}", this::put)
        .add("DELETE", "/api/v1/buckets/{bucket}/objects/{key+}", this::delete);
  }

  private HttpResponse list(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    ObjectListing page = ObjectListing.page(objects, request, bucket.name());
    return JsonResponses.json(
        200,
        new ObjectBodies.ListBody(
            page.objects(), page.prefixes(), page.nextMarker(), page.truncated()));
  }

  private HttpResponse deleteMany(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    ObjectBodies.DeleteRequest body = request.body(ObjectBodies.DeleteRequest.class, false);
    if (body.keys() == null || body.keys().isEmpty() || body.keys().size() > MAX_DELETE_KEYS) {
      throw ApiException.invalid("keys must be an array of 1 to 1000 object keys.");
    }
    if (body.keys().contains(null)) {
      throw ApiException.invalid("keys must not contain null.");
    }
    List<String> deleted = new ArrayList<>();
    List<ObjectBodies.KeyError> errors = new ArrayList<>();
    for (String key : new LinkedHashSet<>(body.keys())) {
      try {
        Names.requireValidKey(key);
        if (objects
            .delete(Caller.ADMIN, bucket.name(), key, null, WritePrecondition.NONE, false)
            .existed()) {
          deleted.add(key);
        } else {
          errors.add(new ObjectBodies.KeyError(key, "The specified key does not exist."));
        }
      } catch (CofferException e) {
        errors.add(
            new ObjectBodies.KeyError(
                key, e.code().httpStatus() == 500 ? e.code().defaultMessage() : e.getMessage()));
      }
    }
    return JsonResponses.json(200, new ObjectBodies.DeleteResult(deleted, errors));
  }

  private HttpResponse get(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = key(request);
    return JsonResponses.json(200, detail(objects.details(Caller.ADMIN, bucket.name(), key, null)));
  }

  /** Streams the body into the object: nothing is held in memory beyond a buffer. */
  private HttpResponse put(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = key(request);
    ObjectAttributes attributes =
        new ObjectAttributes(request.http().headers().get("Content-Type"), Map.of(), Map.of());
    ObjectMeta stored =
        objects.put(
            Caller.ADMIN,
            bucket.name(),
            key,
            attributes,
            request.http().body(),
            request.http().contentLength(),
            PayloadChecks.NONE,
            WritePrecondition.NONE,
            ObjectLock.NONE);
    return JsonResponses.json(200, detail(objects.details(Caller.ADMIN, stored)));
  }

  private HttpResponse delete(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = key(request);
    if (!objects
        .delete(Caller.ADMIN, bucket.name(), key, null, WritePrecondition.NONE, false)
        .existed()) {
      throw new CofferException(ErrorCode.NO_SUCH_KEY);
    }
    return JsonResponses.done();
  }

  static String key(ApiRequest request) {
    String key = request.param("key");
    Names.requireValidKey(key);
    return key;
  }

  private static ObjectBodies.Detail detail(ObjectDetails details) {
    ObjectMeta meta = details.meta();
    ObjectBodies.Summary s = Views.object(meta.listed());
    return new ObjectBodies.Detail(
        s.key(),
        s.size(),
        s.sizeHuman(),
        s.contentType(),
        s.etag(),
        s.isMultipart(),
        s.createdAt(),
        meta.partCount(),
        meta.userMetadata(),
        details.storagePath(),
        Formats.time(meta.updatedAt()));
  }
}
