package io.coffer.admin.api;

import io.coffer.admin.api.body.BucketBodies;
import io.coffer.admin.api.body.CredentialBodies;
import io.coffer.admin.api.body.GroupBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Credential;
import io.coffer.service.BucketService;
import io.coffer.service.CredentialService;
import io.coffer.service.IdentityService;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * /api/v1/credentials: S3 access keys, their policies and groups, and service accounts. Secrets are
 * shown once, in the answer to POST.
 */
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
        .add("DELETE", "/api/v1/credentials/{id}", this::delete)
        .add("PUT", "/api/v1/credentials/{id}/policies", this::attach);
  }

  private HttpResponse list(ApiRequest request) {
    IdentityService identities = credentials.identities();
    List<CredentialBodies.Summary> all =
        credentials.list().stream()
            .map(
                c ->
                    new CredentialBodies.Summary(
                        c.id(),
                        c.accessKey(),
                        c.userName(),
                        c.active(),
                        Formats.time(c.createdAt()),
                        identities.policiesAttachedTo(c.id()),
                        identities.groupsOf(c.id()),
                        c.parentId(),
                        Formats.time(c.expiresAt())))
            .toList();
    return JsonResponses.json(200, new CredentialBodies.ListBody(all));
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    CredentialBodies.CreateRequest body = request.body(CredentialBodies.CreateRequest.class, true);
    checkUserName(body.userName());
    if (body.parentId() != null && body.parentId() < 1) {
      throw ApiException.invalid("parent_id must be a positive integer.");
    }
    Credential c =
        credentials.create(
            new CredentialService.Spec(
                body.userName(),
                body.accessKey(),
                body.secretKey(),
                body.parentId(),
                expiry(body.expiresAt()),
                PolicyJson.text(body.policy(), "policy"),
                GroupRoutes.orEmpty(body.policies(), "policies"),
                GroupRoutes.orEmpty(body.groups(), "groups")));
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
    IdentityService identities = credentials.identities();
    List<BucketBodies.Summary> owned =
        buckets.listOwnedBy(request.caller(), c.id()).stream()
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
            owned,
            identities.policiesAttachedTo(c.id()),
            identities.groupsOf(c.id()),
            c.parentId(),
            Formats.time(c.expiresAt()),
            c.inlinePolicy() == null ? null : PolicyJson.node(c.inlinePolicy())));
  }

  private HttpResponse attach(ApiRequest request) throws IOException {
    long id = request.idParam("id");
    GroupBodies.AttachRequest body = request.body(GroupBodies.AttachRequest.class, false);
    if (body.policies() == null) {
      throw ApiException.invalid("policies is required (an empty list detaches every policy).");
    }
    credentials.attachPolicies(id, GroupRoutes.orEmpty(body.policies(), "policies"));
    return JsonResponses.done();
  }

  /** An RFC 3339 time (any offset), or null when absent. */
  private static @Nullable Instant expiry(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          "expires_at must be an RFC 3339 time such as 2030-01-31T12:00:00Z, not \""
              + value
              + "\".");
    }
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
