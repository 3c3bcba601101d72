package io.coffer.admin.api;

import io.coffer.admin.api.body.KmsBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.crypto.BuiltInKeyService;
import io.coffer.crypto.KeyService;
import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import java.io.IOException;
import java.util.Objects;

/**
 * /api/v1/kms/keys: the named keys of the built-in key store (SSE-KMS). Answers name keys and their
 * state, never their material, sealed or not.
 */
final class KmsRoutes {
  private final KeyService keys;

  KmsRoutes(KeyService keys) {
    this.keys = keys;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/kms/keys", this::list)
        .add("POST", "/api/v1/kms/keys", this::create)
        // greedy: names may hold slashes (the default key is coffer/s3), raw or as %2F
        .add("GET", "/api/v1/kms/keys/{name+}", this::get)
        .add("PUT", "/api/v1/kms/keys/{name+}", this::update);
  }

  private HttpResponse list(ApiRequest request) {
    return JsonResponses.json(
        200, new KmsBodies.KeyList(keys.keys().stream().map(KmsRoutes::body).toList()));
  }

  private HttpResponse get(ApiRequest request) {
    String name = request.param("name");
    return JsonResponses.json(
        200,
        body(
            keys.keys().stream()
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElseThrow(() -> notFound(name))));
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    KmsBodies.CreateKey body = request.body(KmsBodies.CreateKey.class, false);
    String name = body.name();
    if (name == null) {
      throw ApiException.invalid("name is required.");
    }
    try {
      BuiltInKeyService.requireValidName(name);
    } catch (CofferException e) {
      throw ApiException.invalid(Objects.requireNonNullElse(e.getMessage(), "invalid name"));
    }
    return JsonResponses.json(201, body(keys.createKey(name)));
  }

  private HttpResponse update(ApiRequest request) throws IOException {
    String name = request.param("name");
    KmsBodies.UpdateKey body = request.body(KmsBodies.UpdateKey.class, false);
    Boolean enabled = body.enabled();
    if (enabled == null) {
      throw ApiException.invalid("enabled must be true or false.");
    }
    try {
      return JsonResponses.json(200, body(keys.setEnabled(name, enabled)));
    } catch (CofferException e) {
      if (e.code() == ErrorCode.KMS_NOT_FOUND) {
        throw notFound(name);
      }
      throw e;
    }
  }

  private static ApiException notFound(String name) {
    return new ApiException(404, "no_such_kms_key", "There is no KMS key named " + name + ".");
  }

  private static KmsBodies.KeyBody body(KmsKey key) {
    return new KmsBodies.KeyBody(
        key.name(),
        key.enabled(),
        key.masterKeyId(),
        Objects.requireNonNull(Formats.time(key.createdAt())));
  }
}
