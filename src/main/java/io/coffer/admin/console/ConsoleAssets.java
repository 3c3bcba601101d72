package io.coffer.admin.console;

import io.coffer.http.HttpHandler;
import io.coffer.http.HttpRequest;
import io.coffer.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the web console from the jar: its own files under {@code /}, WebJar libraries under {@code
 * /vendor/}. Every response, errors included, carries the console's security headers.
 */
public final class ConsoleAssets implements HttpHandler {
  private static final String ROOT = "io/coffer/admin/console/";
  private static final JsonMapper JSON = JsonMapper.shared();

  private final ClassLoader loader;
  private final WebJars webJars;
  // Assets are small and fixed for the life of the jar: read each once.
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  private ConsoleAssets(ClassLoader loader, WebJars webJars) {
    this.loader = loader;
    this.webJars = webJars;
  }

  /** Fails at start-up, not at the first page view, when a library the console needs is missing. */
  public static ConsoleAssets load() {
    ClassLoader loader = ConsoleAssets.class.getClassLoader();
    ConsoleAssets assets = new ConsoleAssets(loader, WebJars.load(loader, "chart.js"));
    if (assets.find("/").isEmpty() || assets.find("/vendor/chart.js/chart.umd.min.js").isEmpty()) {
      throw new IllegalStateException("the console's files are missing from the class path");
    }
    return assets;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String method = request.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return error(405, "method_not_allowed", "The console only answers GET and HEAD.")
          .header("Allow", "GET, HEAD");
    }
    Optional<Asset> asset = find(request.rawPath());
    if (asset.isEmpty()) {
      return error(404, "not_found", "No such console file.");
    }
    HttpResponse response = asset.get().respond(request.headers().get("If-None-Match"));
    return method.equals("HEAD") ? response.headOnly() : response;
  }

  Optional<Asset> find(String rawPath) {
    Optional<String> resource = resourceOf(rawPath);
    if (resource.isEmpty()) {
      return Optional.empty();
    }
    Asset cached = cache.get(resource.get());
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Asset> loaded = Asset.read(loader, resource.get());
    loaded.ifPresent(a -> cache.put(resource.get(), a));
    return loaded;
  }

  /** Maps a request path to a class-path resource, or nothing for a path that is not an asset. */
  private Optional<String> resourceOf(String rawPath) {
    if (rawPath.equals("/") || rawPath.equals("/index.html")) {
      return Optional.of(ROOT + "index.html");
    }
    if (!AssetPaths.isSafe(rawPath)) {
      return Optional.empty();
    }
    if (rawPath.startsWith("/vendor/")) {
      return webJars.resourceOf(rawPath.substring("/vendor/".length()));
    }
    return Optional.of(ROOT + rawPath.substring(1));
  }

  private static HttpResponse error(int status, String code, String message) {
    byte[] body = JSON.writeValueAsBytes(Map.of("error", code, "message", message));
    return SecurityHeaders.apply(new HttpResponse(status))
        .header("Cache-Control", "no-store")
        .body(body, "application/json");
  }
}
