package io.coffer.admin;

import io.coffer.http.HttpHandler;
import io.coffer.http.HttpRequest;
import io.coffer.http.HttpResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/** The console port: Prometheus metrics, the management API and the console. */
public final class AdminFrontend implements HttpHandler {
  private final PrometheusMeterRegistry registry;
  private final HttpHandler console;

  /** {@code console} answers every path outside /api/v1 and /metrics. */
  public AdminFrontend(PrometheusMeterRegistry registry, HttpHandler console) {
    this.registry = registry;
    this.console = console;
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws Exception {
    String path = request.rawPath();
    if (!path.equals("/metrics") && !path.equals("/api/v1") && !path.startsWith("/api/v1/")) {
      return console.handle(request);
    }
    if (request.rawPath().equals("/metrics") && request.method().equals("GET")) {
      return new HttpResponse(200)
          .body(registry.scrape().getBytes(StandardCharsets.UTF_8), "text/plain; version=0.0.4; charset=utf-8");
    }
    return JsonResponses.error(404, "not_found", "No such endpoint: " + request.method() + " " + request.rawPath());
  }

  public HttpResponse malformed(int status) {
    return JsonResponses.error(status, "bad_request", "The request could not be parsed.");
  }
}
