package io.coffer.admin.api;

/** A management API failure that is not a domain error: bad parameters, auth, routing, size. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiException invalid(String message) {
    return new ApiException(400, "invalid_request", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
