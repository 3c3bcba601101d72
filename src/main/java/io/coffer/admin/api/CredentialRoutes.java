package io.coffer.admin.api;

import io.coffer.admin.api.body.BucketBodies;
import io.coffer.admin.api.body.CredentialBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Credential;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.CredentialService;
import java.io.IOException;
import java.util.List;

/** /api/v1/credentials: S3 access keys. Secrets are shown once, in the answer to POST. */
final class CredentialRoutes {
  private static final int MAX_USER_NAME = 128;

  private final CredentialService credentials;
  private final BucketService buckets;

  CredentialRoutes(CredentialService credentials, BucketService buckets) {
    this.credentials = credentials;
    this.buckets = buckets;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/credentials", this::list)
        .add("POST", "/api/v1/credentials", this::create)
        .add("GET", "/api/v1/credentials/{id}", this::get)
        .add("PUT", "/api/v1/credentials/{id}", this::update)
        .add("DELETE", "/api/v1/credentials/{id}", this::delete);
  }

  private HttpResponse list(ApiRequest request) {
    List<CredentialBodies.Summary> all =
        credentials.list().stream()
            .map(
                c ->
                    new CredentialBodies.Summary(
                        c.id(),
                        c.accessKey(),
                        c.userName(),
                        c.active(),
                        Formats.time(c.createdAt())))
            .toList();
    return JsonResponses.json(200, new CredentialBodies.ListBody(all));
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    CredentialBodies.CreateRequest body = request.body(CredentialBodies.CreateRequest.class, true);
    checkUserName(body.userName());
    Credential c = credentials.create(body.userName(), body.accessKey(), body.secretKey());
    return JsonResponses.json(
        201,
        new CredentialBodies.Created(
            c.id(),
            c.accessKey(),
            c.secretKey(),
            c.userName(),
            c.active(),
            Formats.time(c.createdAt())));
  }

  private HttpResponse get(ApiRequest request) {
    Credential c = credentials.get(request.idParam("id"));
    List<BucketBodies.Summary> owned =
        buckets.listOwnedBy(Caller.ADMIN, c.id()).stream()
            .map(b -> Views.bucket(b, c.userName()))
            .toList();
    return JsonResponses.json(
        200,
        new CredentialBodies.Detail(
            c.id(),
            c.accessKey(),
            c.userName(),
            c.active(),
            Formats.time(c.createdAt()),
            owned.size(),
            owned));
  }

  private HttpResponse update(ApiRequest request) throws IOException {
    long id = request.idParam("id");
    CredentialBodies.UpdateRequest body = request.body(CredentialBodies.UpdateRequest.class, true);
    checkUserName(body.userName());
    credentials.update(id, body.userName(), body.isActive());
    return JsonResponses.done();
  }

  private HttpResponse delete(ApiRequest request) {
    credentials.delete(request.idParam("id"));
    return JsonResponses.done();
  }

  private static void checkUserName(String userName) {
    if (userName != null && (userName.isBlank() || userName.length() > MAX_USER_NAME)) {
      throw ApiException.invalid("user_name must be 1 to 128 characters and not blank.");
    }
  }
}
