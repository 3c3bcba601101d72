package io.coffer.admin;

import io.coffer.admin.api.ManagementApi;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpHandler;
import io.coffer.http.HttpRequest;
import io.coffer.http.HttpResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/**
 * The console port: Prometheus metrics at /metrics, the management API under /api/v1, and
 * everything else to the console (static assets), which the composition root passes in.
 */
public final class AdminFrontend implements HttpHandler {
  private final PrometheusMeterRegistry registry;
  private final ManagementApi api;
  private final HttpHandler console;

  /**
   * @param console answers every path outside /api/v1 and /metrics; null for none (404 JSON)
   */
  public AdminFrontend(PrometheusMeterRegistry registry, ManagementApi api, HttpHandler console) {
    this.registry = registry;
    this.api = api;
    this.console = console != null ? console : AdminFrontend::notFound;
  }

  /**
   * Over TLS, browsers are told to use nothing else for a year (HSTS). Without includeSubDomains:
   * the console's host name may share a domain with sites Coffer does not serve.
   */
  static final String HSTS = "max-age=31536000";

  @Override
  public HttpResponse handle(HttpRequest request) throws Exception {
    HttpResponse response = route(request);
    return request.secure() ? response.header("Strict-Transport-Security", HSTS) : response;
  }

  private HttpResponse route(HttpRequest request) throws Exception {
    String path = request.rawPath();
    if (path.equals("/metrics")) {
      if (!request.method().equals("GET")) {
        return JsonResponses.error(405, "method_not_allowed", "Use GET for /metrics.")
            .header("Allow", "GET");
      }
      return new HttpResponse(200)
          .body(
              registry.scrape().getBytes(StandardCharsets.UTF_8),
              "text/plain; version=0.0.4; charset=utf-8");
    }
    if (path.equals(ManagementApi.PREFIX) || path.startsWith(ManagementApi.PREFIX + "/")) {
      return api.handle(request);
    }
    return console.handle(request);
  }

  private static HttpResponse notFound(HttpRequest request) {
    return JsonResponses.error(
        404, "not_found", "No such endpoint: " + request.method() + " " + request.rawPath());
  }

  public HttpResponse malformed(int status) {
    return JsonResponses.error(status, "bad_request", "The request could not be parsed.");
  }
}
