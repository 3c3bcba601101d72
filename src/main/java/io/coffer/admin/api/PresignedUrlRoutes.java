package io.coffer.admin.api;

import io.coffer.admin.api.body.PresignedUrlBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.PresignedUrl;
import io.coffer.service.Names;
import io.coffer.service.PresignedUrlService;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** /api/v1/presigned-urls: issue, list and revoke presigned URLs. */
final class PresignedUrlRoutes {
  private static final long DEFAULT_EXPIRES_IN = 3600;

  private final PresignedUrlService presignedUrls;
  private final Clock clock;

  PresignedUrlRoutes(PresignedUrlService presignedUrls, Clock clock) {
    this.presignedUrls = presignedUrls;
    this.clock = clock;
  }

  void register(Router router) {
    router
        .addForUsers("GET", "/api/v1/presigned-urls", this::list)
        .addForUsers("POST", "/api/v1/presigned-urls", this::create)
        .addForUsers("DELETE", "/api/v1/presigned-urls/{id}", this::revoke);
  }

  private HttpResponse list(ApiRequest request) {
    Instant now = clock.instant();
    List<PresignedUrlBodies.Summary> urls =
        presignedUrls.list(request.caller()).stream().map(u -> summary(u, now)).toList();
    return JsonResponses.json(200, new PresignedUrlBodies.ListBody(urls));
  }

  private static PresignedUrlBodies.Summary summary(PresignedUrl u, Instant now) {
    return new PresignedUrlBodies.Summary(
        u.id(),
        u.bucket(),
        u.key(),
        u.method(),
        u.accessKey(),
        Formats.time(u.expiresAt()),
        Formats.time(u.createdAt()),
        u.status(now));
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    PresignedUrlBodies.CreateRequest body =
        request.body(PresignedUrlBodies.CreateRequest.class, false);
    require(body.bucketName(), "bucket_name");
    require(body.objectKey(), "object_key");
    require(body.accessKey(), "access_key");
    Names.requireValidBucketName(body.bucketName());
    String method = body.method() == null ? "GET" : body.method();
    if (!PresignedUrlService.METHODS.contains(method)) {
      throw ApiException.invalid("method must be one of GET, PUT, POST, DELETE.");
    }
    long expiresIn = body.expiresIn() == null ? DEFAULT_EXPIRES_IN : body.expiresIn();
    if (expiresIn < 1 || expiresIn > PresignedUrlService.MAX_EXPIRES_SECONDS) {
      throw ApiException.invalid("expires_in must be between 1 and 604800 seconds.");
    }
    PresignedUrlService.Issued issued =
        presignedUrls.issue(
            request.caller(),
            body.bucketName(),
            body.objectKey(),
            method,
            expiresIn,
            body.accessKey());
    return JsonResponses.json(
        201,
        new PresignedUrlBodies.Created(
            issued.url(), issued.record().id(), Formats.time(issued.record().expiresAt())));
  }

  private static void require(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw ApiException.invalid(name + " is required.");
    }
  }

  private HttpResponse revoke(ApiRequest request) {
    presignedUrls.revoke(request.caller(), request.idParam("id"));
    return JsonResponses.done();
  }
}
