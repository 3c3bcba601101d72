package io.coffer.admin.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  record Body(
      @JsonProperty("name") String name,
      @JsonProperty("count") Long count,
      @JsonProperty("flag") Boolean flag,
      @JsonProperty("keys") List<String> keys) {}

  private static Body read(String json) {
    return StrictJson.read(json, Body.class);
  }

  private static void assertRefused(String json, String messagePart) {
    assertThatThrownBy(() -> read(json))
        .as(json)
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void theExactShapeBinds() {
    Body body = read("{\"name\": \"n\", \"count\": 3, \"flag\": true, \"keys\": [\"a\", \"b\"]}");
    assertThat(body).isEqualTo(new Body("n", 3L, true, List.of("a", "b")));
    assertThat(read("{}")).isEqualTo(new Body(null, null, null, null));
  }

  @Test
  void unknownFieldsAreNamed() {
    assertRefused("{\"nmae\": \"n\"}", "Unknown field \"nmae\"");
  }

  @Test
  void scalarsAreNeverCoerced() {
    assertRefused("{\"count\": \"3\"}", "\"count\" must be an integer");
    assertRefused("{\"count\": 3.0}", "\"count\" must be an integer");
    assertRefused("{\"count\": true}", "\"count\" must be an integer");
    assertRefused("{\"count\": \"\"}", "\"count\" must be an integer");
    assertRefused("{\"flag\": 1}", "\"flag\" must be a boolean");
    assertRefused("{\"flag\": \"true\"}", "\"flag\" must be a boolean");
    assertRefused("{\"name\": 5}", "\"name\" must be a string");
    assertRefused("{\"name\": false}", "\"name\" must be a string");
    assertRefused("{\"name\": {}}", "\"name\" must be a string");
    assertRefused("{\"keys\": \"a\"}", "\"keys\" must be an array");
    assertRefused("{\"keys\": [1]}", "must be a string");
    assertRefused("{\"count\": 123456789012345678901234567890}", "\"count\" is out of range");
  }

  @Test
  void theBodyMustBeOneObject() {
    assertRefused("null", "JSON object");
    assertRefused("[]", "JSON object");
    assertRefused("\"text\"", "JSON object");
    assertRefused("{} {}", "nothing after it");
    assertRefused("{\"name\": \"a\", \"name\": \"b\"}", "not valid JSON");
    assertRefused("{\"name\": ", "not valid JSON");
  }

  @Test
  void nullsAreOmittedOnOutput() {
    assertThat(
            new String(StrictJson.write(new Body("n", null, null, null)), StandardCharsets.UTF_8))
        .isEqualTo("{\"name\":\"n\"}");
  }
}
