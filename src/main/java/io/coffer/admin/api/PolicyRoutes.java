package io.coffer.admin.api;

import io.coffer.admin.api.body.PolicyBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.ManagedPolicy;
import io.coffer.model.PolicyTargets;
import io.coffer.service.IdentityService;
import java.io.IOException;

/**
 * /api/v1/policies: managed identity policies, stored or built in (readonly, readwrite, writeonly,
 * admin, which cannot be changed or deleted).
 */
final class PolicyRoutes {
  private final IdentityService identities;

  PolicyRoutes(IdentityService identities) {
    this.identities = identities;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/policies", this::list)
        .add("POST", "/api/v1/policies", this::create)
        .add("GET", "/api/v1/policies/{name}", this::get)
        .add("PUT", "/api/v1/policies/{name}", this::update)
        .add("DELETE", "/api/v1/policies/{name}", this::delete);
  }

  private HttpResponse list(ApiRequest request) {
    return JsonResponses.json(
        200,
        new PolicyBodies.ListBody(identities.listPolicies().stream().map(this::view).toList()));
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    PolicyBodies.CreateRequest body = request.body(PolicyBodies.CreateRequest.class, false);
    if (body.name() == null) {
      throw ApiException.invalid("name is required.");
    }
    String document = PolicyJson.required(body.document(), "document");
    return JsonResponses.json(201, view(identities.createPolicy(body.name(), document)));
  }

  private HttpResponse get(ApiRequest request) {
    return JsonResponses.json(200, view(identities.getPolicy(request.param("name"))));
  }

  private HttpResponse update(ApiRequest request) throws IOException {
    String name = request.param("name");
    PolicyBodies.UpdateRequest body = request.body(PolicyBodies.UpdateRequest.class, false);
    String document = PolicyJson.required(body.document(), "document");
    return JsonResponses.json(200, view(identities.updatePolicy(name, document)));
  }

  private HttpResponse delete(ApiRequest request) {
    identities.deletePolicy(request.param("name"));
    return JsonResponses.done();
  }

  private PolicyBodies.Policy view(ManagedPolicy p) {
    PolicyTargets targets = identities.attachments(p.name());
    boolean builtin = identities.isBuiltIn(p.name());
    return new PolicyBodies.Policy(
        p.name(),
        PolicyJson.node(p.document()),
        builtin,
        Formats.time(p.createdAt()),
        Formats.time(p.updatedAt()),
        new PolicyBodies.AttachedTo(targets.credentials(), targets.groups()));
  }
}
