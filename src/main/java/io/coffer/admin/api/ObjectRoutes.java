package io.coffer.admin.api;

import io.coffer.admin.api.body.ObjectBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.crypto.SseRequest;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventName;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectLockedException;
import io.coffer.model.ObjectMeta;
import io.coffer.model.RetentionMode;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.model.WritePrecondition;
import io.coffer.service.AclRequest;
import io.coffer.service.BucketService;
import io.coffer.service.CopyService;
import io.coffer.service.DeleteOutcome;
import io.coffer.service.Names;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.ObjectDetails;
import io.coffer.service.ObjectLockService;
import io.coffer.service.ObjectService;
import io.coffer.service.PayloadChecks;
import io.coffer.service.ReadConditions;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * /api/v1/buckets/{bucket}/objects: list, delete many, show, delete, and (for the console) upload;
 * versions, restore, retention and legal hold. Keys may contain slashes; a sub-resource such as
 * "/versions" follows the key.
 */
final class ObjectRoutes {
  static final int MAX_DELETE_KEYS = 1000;

  private final BucketService buckets;
  private final ObjectService objects;

  private final CopyService copies;
  private final ObjectLockService locks;

  ObjectRoutes(
      BucketService buckets, ObjectService objects, CopyService copies, ObjectLockService locks) {
    this.buckets = buckets;
    this.objects = objects;
    this.copies = copies;
    this.locks = locks;
  }

  void register(Router router) {
    router
        .addForUsers("GET", "/api/v1/buckets/{bucket}/objects", this::list)
        // Before the key routes: only POST goes to "delete", every other method sees a key.
        .addForUsers("POST", "/api/v1/buckets/{bucket}/objects/delete", this::deleteMany)
        .addForUsers("GET", "/api/v1/buckets/{bucket}/versions", this::listBucketVersions)
        // Before the plain key routes: a key followed by a raw "/versions" (etc.) is the
        // sub-resource; a key that itself ends so is sent with that slash as %2F.
        .addForUsers("GET", "/api/v1/buckets/{bucket}/objects/{key+}/versions", this::versions)
        .addForUsers("POST", "/api/v1/buckets/{bucket}/objects/{key+}/restore", this::restore)
        .addForUsers(
            "POST", "/api/v1/buckets/{bucket}/objects/{key+}/retention", this::putRetention)
        .addForUsers(
            "POST", "/api/v1/buckets/{bucket}/objects/{key+}/legal-hold", this::putLegalHold)
        .addForUsers("GET", "/api/v1/buckets/{bucket}/objects/{key+}", this::get)
        .addForUsers("PUT", "/api/v1/buckets/{bucket}/objects/{key+}", this::put)
        .addForUsers("DELETE", "/api/v1/buckets/{bucket}/objects/{key+}", this::delete);
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
            .delete(request.caller(), bucket.name(), key, null, WritePrecondition.NONE, false)
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
    String bucket = BucketRoutes.name(request);
    String key = key(request);
    return JsonResponses.json(
        200, detail(objects.details(request.caller(), bucket, key, versionId(request))));
  }

  /** Streams the body into the object: nothing is held in memory beyond a buffer. */
  private HttpResponse put(ApiRequest request) {
    String bucket = BucketRoutes.name(request);
    String key = key(request);
    ObjectAttributes attributes =
        new ObjectAttributes(request.http().headers().get("Content-Type"), Map.of(), Map.of());
    ObjectMeta stored =
        objects.put(
            request.caller(),
            bucket,
            key,
            attributes,
            request.http().body(),
            request.http().contentLength(),
            PayloadChecks.NONE,
            WritePrecondition.NONE,
            ObjectLock.NONE,
            AclRequest.NONE,
            Map.of(),
            SseRequest.NONE,
            EventName.OBJECT_CREATED_PUT);
    return JsonResponses.json(200, detail(objects.details(request.caller(), stored)));
  }

  /**
   * Deletes the key (in a versioned bucket: adds a delete marker) or, with {@code version_id}, that
   * version for good; a locked version is refused with 409 object_locked.
   */
  private HttpResponse delete(ApiRequest request) {
    String bucket = BucketRoutes.name(request);
    String key = key(request);
    String versionId = versionId(request);
    boolean bypass = booleanQuery(request, "bypass_governance");
    DeleteOutcome outcome =
        lockAware(
            () ->
                objects.delete(
                    request.caller(), bucket, key, versionId, WritePrecondition.NONE, bypass));
    if (!outcome.existed()) {
      throw new CofferException(ErrorCode.NO_SUCH_KEY);
    }
    return JsonResponses.done();
  }

  /** One page of the key's versions and delete markers, newest first. */
  private HttpResponse versions(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = key(request);
    String marker = request.query("marker");
    if (marker != null && marker.isEmpty()) {
      marker = null;
    }
    int limit = request.intQuery("limit", ObjectListing.DEFAULT_LIMIT, 1, ObjectListing.MAX_LIMIT);
    VersionPage page =
        objects.listVersions(
            request.caller(),
            new VersionQuery(bucket.name(), key, null, marker == null ? null : key, marker, limit));
    List<ObjectBodies.Version> versions =
        page.versions().stream().filter(v -> v.key().equals(key)).map(Views::version).toList();
    // The prefix also finds longer keys, which sort after this one: once the page reaches one,
    // this key's versions are all listed.
    boolean truncated =
        page.truncated()
            && key.equals(page.nextKeyMarker())
            && versions.size() == page.versions().size();
    return JsonResponses.json(
        200,
        new ObjectBodies.VersionList(
            versions, truncated ? page.nextVersionIdMarker() : null, truncated));
  }

  /** One page of the bucket's versions, by key and newest first, optionally by folder. */
  private HttpResponse listBucketVersions(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String prefix = ObjectListing.bounded(request, "prefix");
    String delimiter = ObjectListing.delimiter(request);
    String keyMarker = ObjectListing.bounded(request, "key_marker");
    String versionIdMarker = ObjectListing.bounded(request, "version_id_marker");
    if (versionIdMarker != null && keyMarker == null) {
      throw ApiException.invalid("version_id_marker needs a key_marker.");
    }
    int limit = request.intQuery("limit", ObjectListing.DEFAULT_LIMIT, 1, ObjectListing.MAX_LIMIT);
    VersionPage page =
        objects.listVersions(
            request.caller(),
            new VersionQuery(
                bucket.name(),
                prefix == null ? "" : prefix,
                delimiter,
                keyMarker,
                versionIdMarker,
                limit));
    return JsonResponses.json(
        200,
        new ObjectBodies.BucketVersionList(
            page.versions().stream().map(Views::version).toList(),
            delimiter == null ? null : page.commonPrefixes(),
            page.truncated() ? page.nextKeyMarker() : null,
            page.truncated() ? page.nextVersionIdMarker() : null,
            page.truncated()));
  }

  /** Copies a version of the key over the key, so that it becomes the current version again. */
  private HttpResponse restore(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = key(request);
    ObjectBodies.RestoreRequest body = request.body(ObjectBodies.RestoreRequest.class, false);
    if (body.versionId() == null || body.versionId().isEmpty()) {
      throw ApiException.invalid("version_id is required.");
    }
    CopyService.Copied copied =
        copies.copyObject(
            request.caller(),
            bucket.name(),
            key,
            body.versionId(),
            ReadConditions.NONE,
            bucket.name(),
            key,
            null,
            null,
            WritePrecondition.NONE,
            ObjectLock.NONE,
            AclRequest.NONE,
            null,
            SseRequest.NONE,
            null);
    return JsonResponses.json(200, detail(objects.details(request.caller(), copied.object())));
  }

  /** Sets or (mode and retain_until null) removes a version's retention. */
  private HttpResponse putRetention(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = key(request);
    ObjectBodies.RetentionRequest body = request.body(ObjectBodies.RetentionRequest.class, false);
    RetentionMode mode = null;
    if (body.mode() != null) {
      mode =
          switch (body.mode()) {
            case "GOVERNANCE" -> RetentionMode.GOVERNANCE;
            case "COMPLIANCE" -> RetentionMode.COMPLIANCE;
            default -> throw ApiException.invalid("mode must be GOVERNANCE, COMPLIANCE or null.");
          };
    }
    Instant until = null;
    if (body.retainUntil() != null) {
      try {
        until = Instant.parse(body.retainUntil());
      } catch (DateTimeParseException e) {
        throw ApiException.invalid(
            "retain_until must be an ISO 8601 time in UTC, e.g. 2030-01-01T00:00:00Z.");
      }
    }
    if ((mode == null) != (until == null)) {
      throw ApiException.invalid("mode and retain_until go together: give both, or neither.");
    }
    RetentionMode newMode = mode;
    Instant newUntil = until;
    ObjectMeta changed =
        lockAware(
            () ->
                locks.putRetention(
                    request.caller(),
                    bucket.name(),
                    key,
                    emptyToNull(body.versionId()),
                    newMode,
                    newUntil,
                    Boolean.TRUE.equals(body.bypassGovernance())));
    return JsonResponses.json(200, lock(changed));
  }

  /** Sets or clears a version's legal hold. */
  private HttpResponse putLegalHold(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = key(request);
    ObjectBodies.LegalHoldRequest body = request.body(ObjectBodies.LegalHoldRequest.class, false);
    boolean on;
    if ("ON".equals(body.status())) {
      on = true;
    } else if ("OFF".equals(body.status())) {
      on = false;
    } else {
      throw ApiException.invalid("status must be \"ON\" or \"OFF\".");
    }
    ObjectMeta changed =
        locks.putLegalHold(request.caller(), bucket.name(), key, emptyToNull(body.versionId()), on);
    return JsonResponses.json(200, lock(changed));
  }

  /**
   * Runs a change the object lock may refuse: the services say ACCESS_DENIED (as S3 does), which
   * for the administrator can only mean the lock, so it is 409 object_locked here.
   */
  private static <T> T lockAware(java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (ObjectLockedException e) {
      throw new ApiException(
          409,
          "object_locked",
          "The version is protected by object lock (a legal hold or a retention that has not"
              + " expired).");
    }
  }

  private static ObjectBodies.Lock lock(ObjectMeta meta) {
    return new ObjectBodies.Lock(
        meta.key(),
        meta.versionId(),
        Views.retentionMode(meta.lock()),
        Views.retainUntil(meta.lock()),
        meta.lock().legalHoldOn());
  }

  /** The version_id query parameter: null when absent or empty (the current version). */
  static @Nullable String versionId(ApiRequest request) {
    return emptyToNull(request.query("version_id"));
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static boolean booleanQuery(ApiRequest request, String name) {
    String value = request.query(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw ApiException.invalid(name + " must be true or false.");
  }

  static String key(ApiRequest request) {
    String key = request.param("key");
    Names.requireValidKey(key);
    return key;
  }

  static ObjectBodies.Detail detail(ObjectDetails details) {
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
        Formats.time(meta.updatedAt()),
        meta.versionId(),
        Views.retentionMode(meta.lock()),
        Views.retainUntil(meta.lock()),
        meta.lock().legalHoldOn(),
        Views.encryption(meta.encryption()));
  }
}
