package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A front end that throws instead of rendering its error still gets a 500 the log can be searched
 * for.
 */
class UnhandledFailureTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private @Nullable HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutdown(Duration.ZERO);
    }
  }

  @Test
  void aThrowingHandlerGetsA500WithARequestId() throws Exception {
    var response =
        send(
            request -> {
              throw new IllegalStateException("a bug in a front end");
            });

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("x-amz-request-id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9A-F]{16}"));
  }

  @Test
  void aThrowingEventLoopAttemptGetsA500WithARequestId() throws Exception {
    HttpHandler throwsOnTheEventLoop =
        new HttpHandler() {
          @Override
          public HttpResponse handle(HttpRequest request) {
            return new HttpResponse(204);
          }

          @Override
          public HttpResponse handleWithoutBlocking(HttpRequest request) {
            throw new IllegalStateException("a bug in an attempt");
          }
        };

    var response = send(throwsOnTheEventLoop);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
  }

  private java.net.http.HttpResponse<String> send(HttpHandler handler) throws Exception {
    server = HttpServer.bind("test", new InetSocketAddress("127.0.0.1", 0), HttpLimits.defaults());
    server.serve(handler, status -> new HttpResponse(status));
    var request =
        java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.address().getPort() + "/b/k"))
            .GET()
            .build();
    return client.send(request, BodyHandlers.ofString());
  }
}
