package io.coffer.s3.request;

import io.coffer.model.CofferException;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the parser made of a request: which operation it is, and that operation with its parameters,
 * or the error its headers or query earned. The two are kept apart because they are reported at
 * different times: a request whose parameters are invalid is still authenticated, and checked for
 * unsupported features, before the parameter error is answered. (So is a failure of the parameter
 * parsing itself: an unauthenticated request never learns of it.)
 *
 * @param type the operation the request is
 * @param operation the operation with its parameters, or null when they were invalid
 * @param invalid what was wrong with the parameters (a {@link CofferException}), or null
 */
public record ParsedRequest(
    Class<? extends S3Operation> type,
    @Nullable S3Operation operation,
    @Nullable RuntimeException invalid) {

  /** Builds the operation of a known type, keeping a parameter error for later. */
  static ParsedRequest of(Class<? extends S3Operation> type, Supplier<S3Operation> build) {
    try {
      return new ParsedRequest(type, build.get(), null);
    } catch (RuntimeException e) {
      return new ParsedRequest(type, null, e);
    }
  }

  static ParsedRequest of(S3Operation operation) {
    return new ParsedRequest(operation.getClass(), operation, null);
  }

  /** The operation's name in AWS's API, whether or not its parameters were valid. */
  public String name() {
    return operation != null ? operation.name() : type.getSimpleName();
  }

  /**
   * The operation with its parameters.
   *
   * @throws RuntimeException the parameter error
   */
  public S3Operation orThrow() {
    if (invalid != null) {
      throw invalid;
    }
    return Objects.requireNonNull(operation); // null only with an error
  }
}
