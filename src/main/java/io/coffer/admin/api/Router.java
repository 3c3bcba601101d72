package io.coffer.admin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The route table: method and path template to handler. Routes are tried in the order added, so a
 * literal route ({@code POST .../objects/delete}) wins over a greedy one added after it.
 *
 * <p>A route is for the administrator unless it says otherwise: {@link #add} is admin only, {@link
 * #addForUsers} also serves S3 users signed in to the console (their services then decide with
 * their policies), {@link #addPublic} needs no sign-in at all. A route forgotten stays closed.
 */
final class Router {
  private final List<Route> routes = new ArrayList<>();

  /** Who may call a route. */
  enum Audience {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** The administrator only (the API key, or a console session opened with it). */
    ADMIN,
    /** The administrator and S3 users signed in to the console. */
    USERS
  }

  /** One entry of the table. */
  record Route(String method, RoutePattern pattern, Audience audience, ApiHandler handler) {
    boolean requiresAuth() {
      return audience != Audience.PUBLIC;
    }
  }

  /** The outcome of routing: a route with its parameters, or the methods the path allows. */
  record Match(@Nullable Route route, Map<String, String> params, List<String> allowedMethods) {}

  /** A route only the administrator may call. */
  Router add(String method, String template, ApiHandler handler) {
    routes.add(new Route(method, RoutePattern.of(template), Audience.ADMIN, handler));
    return this;
  }

  /** A route signed-in S3 users may call too, with what their policies allow. */
  Router addForUsers(String method, String template, ApiHandler handler) {
    routes.add(new Route(method, RoutePattern.of(template), Audience.USERS, handler));
    return this;
  }

  Router addPublic(String method, String template, ApiHandler handler) {
    routes.add(new Route(method, RoutePattern.of(template), Audience.PUBLIC, handler));
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
