package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's files over HTTP: types, caching, security headers, 404s, no path traversal. */
class ConsoleAssetsIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path SOURCES = Path.of("src/main/resources/io/coffer/admin/console");

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SERVER.server().consoleEndpoint() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  static void assertSecurityHeaders(HttpResponse<?> response) {
    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    // HSTS only over TLS (TlsTransportChecks): over plain HTTP it would mean nothing
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void theRootServesTheConsolePageWithSecurityHeaders() throws Exception {
    HttpResponse<String> response = get("/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(response.body()).contains("<title>Coffer console</title>", "/js/app.js");
    assertSecurityHeaders(response);
    assertThat(get("/index.html").body()).isEqualTo(response.body());
  }

  @Test
  void anUnchangedFileIsRevalidatedWithoutItsBody() throws Exception {
    HttpResponse<String> first = get("/js/app.js");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get("/js/app.js", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertSecurityHeaders(again);
    assertThat(get("/js/app.js", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource({
    "/js/app.js, text/javascript; charset=utf-8",
    "/js/views/objects.js, text/javascript; charset=utf-8",
    "/css/console.css, text/css; charset=utf-8",
    "/favicon.svg, image/svg+xml",
    "/vendor/chart.js/chart.umd.min.js, text/javascript; charset=utf-8",
  })
  void filesHaveTheirContentType(String path, String type) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
    assertThat(response.body()).isNotEmpty();
    assertSecurityHeaders(response);
  }

  @Test
  void theChartLibraryComesFromItsWebJar() throws Exception {
    assertThat(get("/vendor/chart.js/chart.umd.min.js").body()).contains("Chart.js v4");
    assertThat(get("/vendor/nothing/x.js").statusCode()).isEqualTo(404);
  }

  @Test
  void anUnknownFileIsAJson404() throws Exception {
    HttpResponse<String> response = get("/no-such-file.js");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).contains("\"error\":\"not_found\"", "\"message\":");
    assertSecurityHeaders(response);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../pom.xml",
        "/js/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/js/..%2f..%2fapp.js",
        "/vendor/chart.js/../../../../META-INF/MANIFEST.MF",
        "/vendor/chart.js/..%2F..%2Fpackage.json",
        "/..\\..\\pom.xml",
        "//etc/passwd",
        "/.hidden.js",
        "/js",
        "/logback.xml",
        "/io/coffer/server/CofferServer.class",
      })
  void pathsOutsideTheConsoleAreNotFound(String path) throws Exception {
    String response =
        raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(response)
        .startsWith("HTTP/1.1 404")
        .contains("\"error\":\"not_found\"")
        .doesNotContain("root:", "<project");
  }

  @Test
  void otherMethodsAreRefused() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(SERVER.server().consoleEndpoint() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(response.body()).contains("\"error\":\"method_not_allowed\"");
  }

  @Test
  void headAnswersHeadersOnly() throws Exception {
    String response =
        raw("HEAD /css/console.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    long length = Files.size(SOURCES.resolve("css/console.css"));
    assertThat(response)
        .startsWith("HTTP/1.1 200")
        .containsIgnoringCase("content-length: " + length)
        .endsWith("\r\n\r\n");
  }

  @Test
  void theApiAndMetricsAreNotShadowedByTheConsole() throws Exception {
    HttpResponse<String> api = get("/api/v1/stats");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).contains("\"error\"");
    assertThat(get("/metrics").body()).contains("coffer_objects_stored");
  }

  /**
   * The static side of "no CDN": no console file names another host (the browser tests check the
   * live side).
   */
  @Test
  void noConsoleFileReferencesAnotherHost() throws IOException {
    Pattern url =
        Pattern.compile("(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[/\"'`]", Pattern.CASE_INSENSITIVE);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      String text = Files.readString(file).replace("http://www.w3.org/2000/svg\"", "");
      Matcher m = url.matcher(text);
      if (m.find()) {
        throw new AssertionError(file + " refers to another host: " + m.group());
      }
    }
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", SERVER.server().consolePort())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
