package io.coffer.admin.json;

import io.coffer.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/** JSON responses of the console port; errors are {"error": code, "message": sentence}. */
public final class JsonResponses {
  public static final String JSON = "application/json";
  public static final String OK_MESSAGE = "Operation completed successfully";

  private JsonResponses() {}

  public static HttpResponse json(int status, Object body) {
    return new HttpResponse(status).body(StrictJson.write(body), JSON);
  }

  public static HttpResponse error(int status, String code, @Nullable String message) {
    return json(status, new ErrorBody(code, message));
  }

  /** {"message": "Operation completed successfully"}, the specification's acknowledgement. */
  public static HttpResponse done() {
    return json(200, new MessageBody(OK_MESSAGE));
  }

  /** An error body. */
  public record ErrorBody(
      @com.fasterxml.jackson.annotation.JsonProperty("error") String error,
      @com.fasterxml.jackson.annotation.JsonProperty("message") @Nullable String message) {}

  /** An acknowledgement body. */
  public record MessageBody(
      @com.fasterxml.jackson.annotation.JsonProperty("message") String message) {}
}
