package io.coffer.admin.api;

import io.coffer.admin.api.body.BucketAccessBodies;
import io.coffer.admin.json.StrictJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The statements of a stored bucket policy that name everyone as principal ({@code "*"} or {@code
 * {"AWS": "*"}}), as an administrator reads them, and the key patterns their resources name. This
 * only describes the document: what anyone may actually do is the engine's verdict ({@link
 * io.coffer.service.AnonymousAccessService}), which these patterns are probes for.
 */
final class EveryoneStatements {
  private static final String ARN = "arn:aws:s3:::";

  private EveryoneStatements() {}

  /** The everyone-statements of {@code policy} (a document the engine accepted when stored). */
  static List<BucketAccessBodies.Statement> of(@Nullable String policy) {
    if (policy == null) {
      return List.of();
    }
    JsonNode statements = StrictJson.read(policy, JsonNode.class).path("Statement");
    List<JsonNode> all = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(all::add);
    } else if (statements.isObject()) {
      all.add(statements);
    }
    List<BucketAccessBodies.Statement> found = new ArrayList<>();
    for (JsonNode s : all) {
      if (namesEveryone(s.path("Principal"))) {
        JsonNode condition = s.get("Condition");
        found.add(
            new BucketAccessBodies.Statement(
                s.path("Sid").isString() ? s.path("Sid").asString() : null,
                s.path("Effect").asString(""),
                strings(s.path("Action")),
                strings(s.path("NotAction")),
                strings(s.path("Resource")),
                strings(s.path("NotResource")),
                condition == null || condition.isNull() ? null : condition));
      }
    }
    return found;
  }

  /**
   * The key patterns the statements' resources name in {@code bucket} ("public/*"), each with a key
   * that matches it to ask the engine about; resources of the bucket itself, of every key ("*"), or
   * with policy variables (an anonymous caller has none) are left out.
   */
  static Map<String, String> probes(List<BucketAccessBodies.Statement> statements, String bucket) {
    Map<String, String> probes = new LinkedHashMap<>();
    for (BucketAccessBodies.Statement statement : statements) {
      for (String resource : statement.resources()) {
        if (!resource.startsWith(ARN)) {
          continue;
        }
        String rest = resource.substring(ARN.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
          continue;
        }
        String bucketPart = rest.substring(0, slash);
        String pattern = rest.substring(slash + 1);
        boolean thisBucket =
            bucketPart.equals(bucket) || bucketPart.contains("*") || bucketPart.contains("?");
        if (!thisBucket || pattern.isEmpty() || pattern.equals("*") || pattern.contains("${")) {
          continue;
        }
        probes.putIfAbsent(pattern, pattern.replace("*", "probe").replace('?', 'x'));
      }
    }
    return probes;
  }

  private static boolean namesEveryone(JsonNode principal) {
    if (principal.isString()) {
      return principal.asString().equals("*");
    }
    if (principal.isObject()) {
      return strings(principal.path("AWS")).contains("*");
    }
    return false;
  }

  /** A string or an array of strings, as the policy language allows for most elements. */
  private static List<String> strings(JsonNode node) {
    if (node.isString()) {
      return List.of(node.asString());
    }
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode value : node) {
        if (value.isString()) {
          values.add(value.asString());
        }
      }
    }
    return values;
  }
}
