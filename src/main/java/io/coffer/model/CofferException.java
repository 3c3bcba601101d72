package io.coffer.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import org.jspecify.annotations.Nullable;

/**
 * The one exception type that carries an entry of the error catalogue. Front ends render it in
 * their protocol's form; anything else that escapes a handler is an internal error.
 */
public class CofferException extends RuntimeException {
  private final ErrorCode code;
  private final SequencedMap<String, String> fields = new LinkedHashMap<>();
  private final SequencedMap<String, String> headers = new LinkedHashMap<>();

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

  /**
   * An InvalidArgument that names the argument at fault, as S3 does; {@code value} is the value as
   * sent, or null where S3 does not echo it (continuation tokens).
   */
  public static CofferException invalidArgument(
      String message, String argument, @Nullable String value) {
    CofferException e =
        new CofferException(ErrorCode.INVALID_ARGUMENT, message).with("ArgumentName", argument);
    return value == null ? e : e.with("ArgumentValue", value);
  }

  public ErrorCode code() {
    return code;
  }

  /**
   * Adds an element S3 renders after the message, in the order added: some errors name what was
   * wrong, such as AuthorizationHeaderMalformed's {@code Region} (clients read it to find a
   * bucket's region) or InvalidArgument's {@code ArgumentName} and {@code ArgumentValue}.
   */
  public CofferException with(String element, String value) {
    fields.put(element, value);
    return this;
  }

  /**
   * Adds a response header to the error, as S3 sends {@code x-amz-delete-marker} with the 404 of a
   * key whose current version is a delete marker.
   */
  public CofferException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The extra response headers, in the order added; empty for most errors. */
  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /** The extra elements, in the order they were added; empty for most errors. */
  public Map<String, String> fields() {
    return Collections.unmodifiableMap(fields);
  }
}
