package io.coffer.admin.api;

import io.coffer.admin.json.StrictJson;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Policy documents in API bodies: given as a JSON object or as a string holding one, stored as
 * text, shown as an object.
 */
final class PolicyJson {
  private PolicyJson() {}

  /** The document's text, or null when absent (missing or JSON null). */
  static @Nullable String text(@Nullable JsonNode node, String field) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isString()) {
      return node.asString();
    }
    if (node.isObject()) {
      return new String(StrictJson.write(node), StandardCharsets.UTF_8);
    }
    throw ApiException.invalid(
        field + " must be a policy document: a JSON object, or a string holding one.");
  }

  /** The document's text; 400 when absent. */
  static String required(@Nullable JsonNode node, String field) {
    String text = text(node, field);
    if (text == null) {
      throw ApiException.invalid(field + " is required.");
    }
    return text;
  }

  /** A stored document as a JSON value (it was valid JSON when stored). */
  static JsonNode node(String document) {
    return StrictJson.read(document, JsonNode.class);
  }
}
