package io.coffer.it.admin;

import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management API over plain java.net.http, with the test server's API key (public for the auth
 * matrix).
 */
public final class Api {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final CofferTestServer server;

  public Api(CofferTestServer server) {
    this.server = server;
  }

  /** A response with its body as text and, when it is JSON, parsed. */
  public record Reply(int status, HttpResponse<String> http) {
    public JsonNode json() {
      return JSON.readTree(http.body());
    }

    public String header(String name) {
      return http.headers().firstValue(name).orElse(null);
    }
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json);
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json);
  }

  public Reply send(String method, String path, String body) {
    return send(method, path, body, Map.of("X-API-Key", CofferTestServer.API_KEY));
  }

  /** {@code path} is relative to /api/v1 and sent exactly as given (already encoded). */
  public Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.apiUri() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a GET whose path the JDK's URI class would refuse (malformed escapes) over a socket. */
  int rawGetStatus(String rawPath) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.consoleUri().getPort())) {
      String request =
          "GET /api/v1"
              + rawPath
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: "
              + CofferTestServer.API_KEY
              + "\r\nConnection: close\r\n\r\n";
      socket
          .getOutputStream()
          .write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String response =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      return Integer.parseInt(response.substring(9, 12));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
