package io.coffer.admin.api;

import io.coffer.admin.json.StrictJson;
import io.coffer.http.HttpRequest;
import io.coffer.service.Caller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A routed request: the HTTP request, its decoded path parameters and query, and its JSON body. */
final class ApiRequest {
  /** JSON bodies are small (a delete of 1,000 keys of 1 KiB each fits); larger ones get 413. */
  static final int MAX_JSON_BODY = 2 * 1024 * 1024;

  private final HttpRequest http;
  private final Map<String, String> params;
  private final Map<String, String> query;
  private final Authentication.Signed signed;

  ApiRequest(HttpRequest http, Map<String, String> params, Authentication.Signed signed) {
    this.http = http;
    this.params = params;
    this.query = PercentDecoding.query(http.rawQuery());
    this.signed = signed;
  }

  HttpRequest http() {
    return http;
  }

  /**
   * Who is asking: the routes pass this to the services, which decide access. The administrator
   * (the API key, or a console session opened with it) or an S3 user signed in to the console.
   */
  Caller caller() {
    return signed.caller();
  }

  /** How the request was signed in: the API key, a console session, or not at all. */
  Authentication.Signed signed() {
    return signed;
  }

  /** A parameter of the matched route's pattern, so always present. */
  String param(String name) {
    return Objects.requireNonNull(params.get(name), name);
  }

  /** A query parameter, or null when absent. */
  @Nullable String query(String name) {
    return query.get(name);
  }

  /** An integer query parameter within [min, max], or the default when absent. */
  int intQuery(String name, int defaultValue, int min, int max) {
    String value = query.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid(name + " must be an integer between " + min + " and " + max + ".");
  }

  /** A path parameter that must be a positive integer ID. */
  long idParam(String name) {
    String value = params.get(name);
    try {
      long id = Long.parseLong(value);
      if (id >= 1) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid(name + " must be a positive integer, not \"" + value + "\".");
  }

  /**
   * The body as {@code type}. An empty body stands for {} when {@code emptyIsEmptyObject} (every
   * field of the endpoint is optional), else it is refused.
   */
  <T> T body(Class<T> type, boolean emptyIsEmptyObject) throws IOException {
    long declared = http.contentLength();
    if (declared > MAX_JSON_BODY) {
      throw tooLarge();
    }
    byte[] bytes = http.body().readNBytes(MAX_JSON_BODY + 1);
    if (bytes.length > MAX_JSON_BODY) {
      throw tooLarge();
    }
    if (bytes.length == 0 || isBlank(bytes)) {
      if (!emptyIsEmptyObject) {
        throw new ApiException(400, "malformed_json", "The request needs a JSON body.");
      }
      bytes = "{}".getBytes(StandardCharsets.US_ASCII);
    }
    InputStream in = new ByteArrayInputStream(bytes);
    return StrictJson.read(in, type);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413,
        "payload_too_large",
        "JSON request bodies are limited to " + MAX_JSON_BODY + " bytes.");
  }
}
