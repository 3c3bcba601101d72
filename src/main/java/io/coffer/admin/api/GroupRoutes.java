package io.coffer.admin.api;

import io.coffer.admin.api.body.GroupBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.UserGroup;
import io.coffer.service.IdentityService;
import java.io.IOException;
import java.util.List;

/** /api/v1/groups: groups of credentials sharing the policies attached to the group. */
final class GroupRoutes {
  private final IdentityService identities;

  GroupRoutes(IdentityService identities) {
    this.identities = identities;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/groups", this::list)
        .add("POST", "/api/v1/groups", this::create)
        .add("GET", "/api/v1/groups/{name}", this::get)
        .add("PUT", "/api/v1/groups/{name}", this::update)
        .add("DELETE", "/api/v1/groups/{name}", this::delete);
  }

  private HttpResponse list(ApiRequest request) {
    return JsonResponses.json(
        200,
        new GroupBodies.ListBody(identities.listGroups().stream().map(GroupRoutes::view).toList()));
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    GroupBodies.CreateRequest body = request.body(GroupBodies.CreateRequest.class, false);
    if (body.name() == null) {
      throw ApiException.invalid("name is required.");
    }
    UserGroup created =
        identities.createGroup(
            body.name(), orEmpty(body.members(), "members"), orEmpty(body.policies(), "policies"));
    return JsonResponses.json(201, view(created));
  }

  private HttpResponse get(ApiRequest request) {
    return JsonResponses.json(200, view(identities.getGroup(request.param("name"))));
  }

  private HttpResponse update(ApiRequest request) throws IOException {
    String name = request.param("name");
    GroupBodies.UpdateRequest body = request.body(GroupBodies.UpdateRequest.class, true);
    List<Long> members = body.members() == null ? null : orEmpty(body.members(), "members");
    List<String> policies = body.policies() == null ? null : orEmpty(body.policies(), "policies");
    return JsonResponses.json(200, view(identities.updateGroup(name, members, policies)));
  }

  private HttpResponse delete(ApiRequest request) {
    identities.deleteGroup(request.param("name"));
    return JsonResponses.done();
  }

  /** A list from a body: absent is empty; a null element is refused. */
  static <T> List<T> orEmpty(List<T> list, String field) {
    if (list == null) {
      return List.of();
    }
    for (T item : list) {
      if (item == null) {
        throw ApiException.invalid(field + " must not contain null.");
      }
    }
    return List.copyOf(list);
  }

  private static GroupBodies.Group view(UserGroup g) {
    return new GroupBodies.Group(g.name(), g.members(), g.policies(), Formats.time(g.createdAt()));
  }
}
