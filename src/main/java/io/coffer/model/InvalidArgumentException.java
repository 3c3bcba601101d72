package io.coffer.model;

/**
 * An {@link ErrorCode#INVALID_ARGUMENT} that names the argument at fault, as S3 does with
 * {@code <ArgumentName>} and {@code <ArgumentValue>} in its error document (clients show them).
 */
public final class InvalidArgumentException extends CofferException {
  private final String argumentName;
  private final String argumentValue;

  /**
   * @param argumentValue the value as sent, or null where S3 does not echo it (continuation tokens)
   */
  public InvalidArgumentException(String message, String argumentName, String argumentValue) {
    super(ErrorCode.INVALID_ARGUMENT, message);
    this.argumentName = argumentName;
    this.argumentValue = argumentValue;
  }

  public String argumentName() {
    return argumentName;
  }

  /** The offending value, or null when it is not echoed. */
  public String argumentValue() {
    return argumentValue;
  }
}
