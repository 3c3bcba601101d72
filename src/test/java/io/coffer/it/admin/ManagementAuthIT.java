package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API key accepted where it belongs; every way it is refused is in {@code AuthMatrixIT}. */
class ManagementAuthIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  private static void assertUnauthorized(Api.Reply reply) {
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().get("error").asString()).isEqualTo("unauthorized");
    assertThat(reply.json().get("message").asString()).isNotBlank();
  }

  @Test
  void theKeyIsAcceptedInXApiKeyAndAsABearerToken() {
    assertThat(
            API.send("GET", "/stats", null, Map.of("X-API-Key", CofferTestServer.API_KEY)).status())
        .isEqualTo(200);
    assertThat(
            API.send(
                    "GET",
                    "/stats",
                    null,
                    Map.of("Authorization", "Bearer " + CofferTestServer.API_KEY))
                .status())
        .isEqualTo(200);
    assertThat(
            API.send(
                    "GET",
                    "/stats",
                    null,
                    Map.of("Authorization", "bearer " + CofferTestServer.API_KEY))
                .status())
        .isEqualTo(200);
    assertUnauthorized(
        API.send(
            "GET", "/stats", null, Map.of("Authorization", "Basic " + CofferTestServer.API_KEY)));
  }

  @Test
  void theOpenApiDocumentNeedsNoKey() {
    Api.Reply reply = API.send("GET", "/openapi.json", null, Map.of());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("openapi").asString()).startsWith("3.1");
  }

  @Test
  void unknownEndpointsAre404AndWrongMethods405() {
    Api.Reply missing = API.get("/no-such-thing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asString()).isEqualTo("not_found");
    Api.Reply wrongMethod = API.send("PATCH", "/stats", "{}");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
    assertThat(wrongMethod.json().get("error").asString()).isEqualTo("method_not_allowed");
  }

  @Test
  void malformedPercentEncodingIs400() {
    assertThat(API.rawGetStatus("/buckets/abc/objects/bad%zzkey")).isEqualTo(400);
    assertThat(API.rawGetStatus("/buckets/abc/objects/bad%C3")).isEqualTo(400);
    assertThat(API.rawGetStatus("/buckets/abc/objects/bad%")).isEqualTo(400);
  }

  @Test
  void metricsStayAtTheirPathAndOtherPathsAreLeftToTheConsole() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var metrics =
        http.send(
            java.net.http.HttpRequest.newBuilder(SERVER.consoleUri().resolve("/metrics")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("coffer_objects_stored");
    var other =
        http.send(
            java.net.http.HttpRequest.newBuilder(SERVER.consoleUri().resolve("/some/page")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("\"error\":\"not_found\"");
  }
}
