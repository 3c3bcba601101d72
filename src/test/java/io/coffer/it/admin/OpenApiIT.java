package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The served OpenAPI document parses cleanly and describes exactly the routes the server has. */
class OpenApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  static OpenAPI parse() {
    Api.Reply reply = API.send("GET", "/openapi.json", null, Map.of());
    assertThat(reply.status()).isEqualTo(200);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(reply.http().body(), null, options);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    return result.getOpenAPI();
  }

  @Test
  void theDocumentIsOpenApi31WithoutParserMessages() {
    OpenAPI api = parse();
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getComponents().getSecuritySchemes()).containsKeys("apiKey", "bearer");
  }

  @Test
  void itsPathsAndMethodsAreExactlyTheRouteTable() {
    Set<String> documented = new TreeSet<>();
    parse()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(m -> documented.add(m.name() + " " + path)));
    Set<String> routed = new TreeSet<>(SERVER.server().managementRoutes());
    assertThat(routed).isNotEmpty();
    assertThat(documented).as("documented but not routed").isSubsetOf(routed);
    assertThat(routed).as("routed but not documented").isSubsetOf(documented);
  }

  @Test
  void responseSchemasNameTheFieldsTheServerSends() {
    var schemas = parse().getComponents().getSchemas();
    Set<String> stats = new TreeSet<>(API.get("/stats").json().propertyNames());
    assertThat(schemas.get("Stats").getProperties().keySet())
        .containsExactlyInAnyOrderElementsOf(stats);
    Set<String> credential = new TreeSet<>(API.post("/credentials", "{}").json().propertyNames());
    assertThat(schemas.get("CredentialCreated").getProperties().keySet())
        .containsExactlyInAnyOrderElementsOf(credential);
  }
}
