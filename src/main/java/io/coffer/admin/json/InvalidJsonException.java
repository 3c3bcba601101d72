package io.coffer.admin.json;

/** A request body that is not JSON, or not the JSON the endpoint expects. */
public final class InvalidJsonException extends RuntimeException {
  public InvalidJsonException(String message) {
    super(message, null, false, false);
  }
}
