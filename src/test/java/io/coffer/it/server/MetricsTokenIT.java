package io.coffer.it.server;

import static io.coffer.it.support.CofferProcess.FAST_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.RawS3;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COFFER_METRICS_TOKEN protects /metrics with a bearer token: a scrape without it, with another
 * token or another scheme is 401; the token opens /metrics and nothing else; and the server never
 * prints it, even logging at debug level.
 */
class MetricsTokenIT {
  static final String TOKEN = "metrics-token-0123456789-abcdefghij";
  @TempDir static Path temp;
  static CofferProcess server;
  static URI console;

  @BeforeAll
  static void start() throws Exception {
    server =
        CofferProcess.server(
            temp.resolve("data"),
            FAST_START,
            Map.of("COFFER_METRICS_TOKEN", TOKEN, "COFFER_LOG_LEVEL", "debug"));
    console = server.consoleUri();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(console.resolve(path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return RawS3.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aScrapeWithoutTheTokenIsRefused() throws Exception {
    String sameLength = "x".repeat(TOKEN.length());
    for (String authorization :
        new String[] {
          null,
          "Bearer wrong-token-0123456789",
          "Bearer " + sameLength,
          "Bearer " + TOKEN + "x",
          "Bearer " + TOKEN.substring(1),
          "Basic " + TOKEN,
          TOKEN,
        }) {
      HttpResponse<String> response = get("/metrics", authorization);
      assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(response.body()).contains("\"error\":\"unauthorized\"").doesNotContain("coffer_");
    }
  }

  @Test
  void theTokenOpensMetrics() throws Exception {
    for (String scheme : new String[] {"Bearer ", "bearer "}) {
      HttpResponse<String> response = get("/metrics", scheme + TOKEN);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("coffer_objects_stored").contains("jvm_memory_used");
    }
  }

  @Test
  void theTokenIsNotAnApiKey() throws Exception {
    HttpResponse<String> response = get("/api/v1/buckets", "Bearer " + TOKEN);
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void theServerNeverPrintsTheToken() throws Exception {
    get("/metrics", "Bearer " + TOKEN);
    get("/metrics", "Bearer wrong-token-0123456789");
    assertThat(server.stdout() + server.stderr()).doesNotContain(TOKEN);
  }
}
