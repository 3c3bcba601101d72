package io.coffer.admin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The route table: method and path template to handler. Routes are tried in the order added, so a
 * literal route ({@code POST .../objects/delete}) wins over a greedy one added after it.
 */
final class Router {
  private final List<Route> routes = new ArrayList<>();

  /** One entry of the table. */
  record Route(String method, RoutePattern pattern, boolean requiresAuth, ApiHandler handler) {}

  /** The outcome of routing: a route with its parameters, or the methods the path allows. */
  record Match(@Nullable Route route, Map<String, String> params, List<String> allowedMethods) {}

  Router add(String method, String template, ApiHandler handler) {
    routes.add(new Route(method, RoutePattern.of(template), true, handler));
    return this;
  }

  Router addPublic(String method, String template, ApiHandler handler) {
    routes.add(new Route(method, RoutePattern.of(template), false, handler));
    return this;
  }

  Match match(String method, String rawPath) {
    TreeSet<String> allowed = new TreeSet<>();
    ApiException deferred = null;
    for (Route route : routes) {
      Map<String, String> params;
      try {
        params = route.pattern().match(rawPath);
      } catch (ApiException badEncoding) {
        deferred = badEncoding;
        continue;
      }
      if (params == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Match(route, params, List.of());
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty() && deferred != null) {
      throw deferred;
    }
    return new Match(null, Map.of(), List.copyOf(allowed));
  }

  List<Route> routes() {
    return List.copyOf(routes);
  }
}
