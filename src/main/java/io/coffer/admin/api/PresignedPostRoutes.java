package io.coffer.admin.api;

import io.coffer.admin.api.body.PresignedPostBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.service.Names;
import io.coffer.service.PresignedPostService;
import java.io.IOException;

/** /api/v1/presigned-posts: POST policies for browser form uploads straight to the S3 port. */
final class PresignedPostRoutes {
  private static final long DEFAULT_EXPIRES_IN = 3600;

  private final PresignedPostService presignedPosts;

  PresignedPostRoutes(PresignedPostService presignedPosts) {
    this.presignedPosts = presignedPosts;
  }

  void register(Router router) {
    router.addForUsers("POST", "/api/v1/presigned-posts", this::create);
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    PresignedPostBodies.CreateRequest body =
        request.body(PresignedPostBodies.CreateRequest.class, false);
    if (body.bucket() == null || body.bucket().isEmpty()) {
      throw ApiException.invalid("bucket is required.");
    }
    if (body.accessKey() == null || body.accessKey().isEmpty()) {
      throw ApiException.invalid("access_key is required.");
    }
    Names.requireValidBucketName(body.bucket());
    PresignedPostService.Issued issued =
        presignedPosts.issue(
            request.caller(),
            new PresignedPostService.Request(
                body.bucket(),
                body.key(),
                body.keyPrefix(),
                body.expiresIn() == null ? DEFAULT_EXPIRES_IN : body.expiresIn(),
                body.minSize(),
                body.maxSize(),
                body.contentType(),
                body.accessKey()));
    return JsonResponses.json(
        201,
        new PresignedPostBodies.Created(
            issued.url(), issued.fields(), Formats.time(issued.expiresAt())));
  }
}
