package io.coffer.admin.api;

import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, kept in the repository. */
final class OpenApiRoute {
  static final String RESOURCE = "/io/coffer/admin/openapi.json";

  private final byte[] document;

  OpenApiRoute() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      this.document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void register(Router router) {
    router.addPublic("GET", "/api/v1/openapi.json", this::get);
  }

  private HttpResponse get(ApiRequest request) {
    return new HttpResponse(200).body(document, JsonResponses.JSON);
  }
}
