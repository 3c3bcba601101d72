package io.coffer.model;

/**
 * The one exception type that carries an entry of the error catalogue. Front ends render it in
 * their protocol's form; anything else that escapes a handler is an internal error.
 */
public class CofferException extends RuntimeException {
  private final ErrorCode code;

  public CofferException(ErrorCode code) {
    this(code, code.defaultMessage());
  }

  public CofferException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public CofferException(ErrorCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
