package io.coffer.admin.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The management API's JSON binding. Strict on input: a body either has exactly the documented
 * shape or is refused, so a typo or a wrong type is a 400 and never a silently ignored field or a
 * guessed value (no "3600" for 3600, no 1 for true, no "" for null).
 */
public final class StrictJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          // free-form JSON (policy documents) keeps its numbers exactly: 1e400 is no "Infinity"
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
          .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
          .disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .withCoercionConfigDefaults(StrictJson::failEveryCoercion)
          .withCoercionConfig(LogicalType.Textual, StrictJson::failEveryCoercion)
          .withCoercionConfig(LogicalType.Boolean, StrictJson::failEveryCoercion)
          .withCoercionConfig(LogicalType.Integer, StrictJson::failEveryCoercion)
          .withCoercionConfig(LogicalType.Collection, StrictJson::failEveryCoercion)
          .withCoercionConfig(LogicalType.POJO, StrictJson::failEveryCoercion)
          .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private StrictJson() {}

  private static void failEveryCoercion(MutableCoercionConfig config) {
    for (CoercionInputShape shape : CoercionInputShape.values()) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
    config.setAcceptBlankAsEmpty(false);
  }

  /**
   * Reads one JSON value of {@code type} from a body the caller has already bounded in size.
   *
   * @throws InvalidJsonException when the text is not JSON or not of the expected shape
   * @throws IOException only when the stream itself fails
   */
  public static <T> T read(InputStream in, Class<T> type) throws IOException {
    // Read first, so that whatever the parser reports (including an encoding it detected and could
    // not decode, e.g. UTF-32) is about the content and never mistaken for a failed read.
    byte[] body = in.readAllBytes();
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new InvalidJsonException("The request body must be a JSON object, not null.");
      }
      return value;
    } catch (JacksonException e) {
      throw new InvalidJsonException(describe(e));
    }
  }

  /** Parses a JSON text (for tests and documents kept as strings). */
  public static <T> T read(String json, Class<T> type) {
    try {
      return read(
          new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          type);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  /** A message that names the offending field, without Jackson's Java-flavoured details. */
  private static String describe(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "Unknown field \"" + unknown.getPropertyName() + "\".";
    }
    String path = fieldPath(e);
    if (e instanceof InputCoercionException) {
      return path.isEmpty()
          ? "A number is out of range."
          : "Field \"" + path + "\" is out of range.";
    }
    if (e instanceof MismatchedInputException
        && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
      return "The request body must hold one JSON value and nothing after it.";
    }
    if (!(e instanceof DatabindException)) {
      return "The request body is not valid JSON: " + firstLine(e.getOriginalMessage());
    }
    String expected =
        e instanceof MismatchedInputException mismatch ? jsonType(mismatch.getTargetType()) : null;
    if (path.isEmpty()) {
      return "The request body must be " + (expected == null ? "a JSON object" : expected) + ".";
    }
    return expected == null
        ? "Field \"" + path + "\" is not valid: " + firstLine(e.getOriginalMessage())
        : "Field \"" + path + "\" must be " + expected + ".";
  }

  private static @Nullable String jsonType(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
      return "an integer";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "a JSON object";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String fieldPath(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
