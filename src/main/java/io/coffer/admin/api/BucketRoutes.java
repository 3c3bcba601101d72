package io.coffer.admin.api;

import io.coffer.admin.api.body.BucketBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Versioning;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.CredentialService;
import io.coffer.service.Names;
import io.coffer.service.ObjectService;
import java.io.IOException;

/** /api/v1/buckets: list, create, show with a page of objects, delete when empty. */
final class BucketRoutes {
  private final BucketService buckets;
  private final ObjectService objects;
  private final CredentialService credentials;

  BucketRoutes(BucketService buckets, ObjectService objects, CredentialService credentials) {
    this.buckets = buckets;
    this.objects = objects;
    this.credentials = credentials;
  }

  void register(Router router) {
    router
        .addForUsers("GET", "/api/v1/buckets", this::list)
        .add("POST", "/api/v1/buckets", this::create)
        .addForUsers("GET", "/api/v1/buckets/{bucket}", this::get)
        .add("DELETE", "/api/v1/buckets/{bucket}", this::delete)
        .add("PUT", "/api/v1/buckets/{bucket}/versioning", this::putVersioning);
  }

  /**
   * The bucket named in the path, which must be a valid name (400), exist (404) and be one the
   * caller may list (403).
   */
  static Bucket require(BucketService buckets, ApiRequest request) {
    return buckets.require(request.caller(), name(request), Action.LIST_BUCKET);
  }

  /**
   * The bucket named in the path, which must be a valid name (400), for a route on one object or
   * one upload: the service checks that object's own action (a caller allowed only s3:GetObject on
   * the bucket's objects may download one without being allowed to list them).
   */
  static String name(ApiRequest request) {
    String name = request.param("bucket");
    Names.requireValidBucketName(name);
    return name;
  }

  private HttpResponse list(ApiRequest request) {
    return JsonResponses.json(
        200, new BucketBodies.ListBody(Views.buckets(buckets.list(request.caller()), credentials)));
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    BucketBodies.CreateRequest body = request.body(BucketBodies.CreateRequest.class, false);
    if (body.name() == null) {
      throw ApiException.invalid("name is required.");
    }
    if (body.ownerId() == null) {
      throw ApiException.invalid("owner_id is required.");
    }
    Bucket created;
    try {
      created =
          buckets.create(
              request.caller(),
              body.name(),
              body.ownerId(),
              body.region(),
              Boolean.TRUE.equals(body.objectLock()));
    } catch (CofferException e) {
      if (e.code() == ErrorCode.NO_SUCH_CREDENTIAL) {
        throw ApiException.invalid(
            "owner_id " + body.ownerId() + " is not an existing credential.");
      }
      if (e.code() == ErrorCode.INVALID_LOCATION_CONSTRAINT) {
        throw ApiException.invalid("region: " + e.getMessage());
      }
      throw e;
    }
    return JsonResponses.json(
        201, Views.bucket(created, Views.userName(credentials, created.ownerId())));
  }

  private HttpResponse get(ApiRequest request) {
    Bucket bucket = require(buckets, request);
    ObjectListing page = ObjectListing.page(objects, request, bucket.name());
    BucketBodies.Summary s = Views.bucket(bucket, Views.userName(credentials, bucket.ownerId()));
    return JsonResponses.json(
        200,
        new BucketBodies.Detail(
            s.name(),
            s.region(),
            s.owner(),
            s.createdAt(),
            s.objectCount(),
            s.totalSize(),
            s.totalSizeHuman(),
            s.versioning(),
            s.objectLock(),
            s.quotaBytes(),
            page.objects(),
            page.prefixes(),
            page.nextMarker(),
            page.truncated()));
  }

  /**
   * Enables or suspends versioning. A bucket with object lock cannot be suspended: 409
   * invalid_bucket_state.
   */
  private HttpResponse putVersioning(ApiRequest request) throws IOException {
    Bucket bucket = require(buckets, request);
    BucketBodies.VersioningRequest body = request.body(BucketBodies.VersioningRequest.class, false);
    Versioning versioning = body.status() == null ? null : Versioning.ofStatus(body.status());
    if (versioning == null) {
      throw ApiException.invalid("status must be \"Enabled\" or \"Suspended\".");
    }
    Bucket changed = buckets.setVersioning(request.caller(), bucket.name(), versioning);
    return JsonResponses.json(
        200,
        new BucketBodies.VersioningBody(
            changed.name(), changed.versioning().status(), changed.objectLock()));
  }

  private HttpResponse delete(ApiRequest request) {
    Bucket bucket = require(buckets, request);
    buckets.delete(request.caller(), bucket.name());
    return JsonResponses.done();
  }
}
