package io.coffer.admin;

import io.coffer.admin.api.ManagementApi;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpHandler;
import io.coffer.http.HttpRequest;
import io.coffer.http.HttpResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The console port: Prometheus metrics at /metrics, the management API under /api/v1, and
 * everything else to the console (static assets), which the composition root passes in.
 */
public final class AdminFrontend implements HttpHandler {
  private final MetricsEndpoint metrics;
  private final ApiMeters apiMeters;
  private final ManagementApi api;
  private final HttpHandler console;

  /**
   * @param metricsToken the bearer token /metrics asks for, or null to leave it open
   * @param console answers every path outside /api/v1 and /metrics; null for none (404 JSON)
   */
  public AdminFrontend(
      PrometheusMeterRegistry registry,
      @Nullable String metricsToken,
      ManagementApi api,
      HttpHandler console) {
    this.metrics = new MetricsEndpoint(registry, metricsToken);
    this.apiMeters = new ApiMeters(registry);
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
    if (path.equals(MetricsEndpoint.PATH)) {
      return metrics.handle(request);
    }
    if (path.equals(ManagementApi.PREFIX) || path.startsWith(ManagementApi.PREFIX + "/")) {
      long started = System.nanoTime();
      HttpResponse response = api.handle(request);
      apiMeters.record(
          request.method(),
          api.routeTemplate(request.method(), path),
          response.status(),
          System.nanoTime() - started);
      return response;
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
