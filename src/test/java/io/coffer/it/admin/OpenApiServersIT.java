package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document's {@code servers} entry leads a client to the console that served it,
 * whatever its address: this test server listens on a port the OS chose, never on 9001, and the
 * same must hold behind a reverse proxy, which only a relative URL can.
 */
class OpenApiServersIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();

  @Test
  void theServersEntryIsRelativeAndResolvesToTheConsoleThatServedIt() {
    Api.Reply reply = new Api(SERVER).send("GET", "/openapi.json", null, Map.of());
    assertThat(reply.status()).isEqualTo(200);
    JsonNode servers = JsonMapper.builder().build().readTree(reply.http().body()).path("servers");
    List<String> urls = new ArrayList<>();
    servers.forEach(server -> urls.add(server.path("url").asString()));
    assertThat(urls).containsExactly("/");

    URI document = URI.create(SERVER.apiUri() + "/openapi.json");
    URI base = document.resolve(urls.get(0));
    assertThat(base).isEqualTo(URI.create(SERVER.consoleUri() + "/"));
    // The documented paths carry /api/v1 themselves, so base + path is the route itself.
    assertThat(base.resolve("/api/v1/stats")).isEqualTo(URI.create(SERVER.apiUri() + "/stats"));
  }
}
