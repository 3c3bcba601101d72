package io.coffer.admin.api;

import io.coffer.http.HttpRequest;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Cross-site request forgery, beyond SameSite=Strict (which old browsers and some same-site hosts
 * do not honour): a change made with the session cookie must carry {@link #HEADER}, which a page of
 * another origin cannot add without a CORS preflight this port never answers; and an Origin or
 * Sec-Fetch-Site the browser sends must name this console's own host.
 */
final class CsrfCheck {
  /** The header the console sends with every call; its value does not matter. */
  static final String HEADER = "X-Coffer-Console";

  private CsrfCheck() {}

  /** Whether a method changes something, so that a forged one must be refused. */
  static boolean unsafe(String method) {
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }

  static void require(HttpRequest http) {
    if (http.headers().get(HEADER) == null) {
      throw refused(
          "A change made with the console's session cookie needs the "
              + HEADER
              + " header, which the console sends and other sites cannot.");
    }
    String site = http.headers().get("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw refused("The request came from another site (Sec-Fetch-Site: " + site + ").");
    }
    String origin = http.headers().get("Origin");
    if (origin != null && !sameHost(origin, http.headers().get("Host"))) {
      throw refused("The request came from another origin (" + origin + ").");
    }
  }

  /**
   * Compares hosts and ports, not schemes: behind a proxy that ends TLS, the page is https while
   * this port sees plain HTTP.
   */
  private static boolean sameHost(String origin, @Nullable String host) {
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority != null
          && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ApiException refused(String message) {
    return new ApiException(403, "cross_site_request", message);
  }
}
