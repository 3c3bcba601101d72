package io.coffer.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a policy document's JSON into compiled statements, refusing with AWS's messages whatever S3
 * or IAM would refuse: not JSON, duplicate names, trailing content, unknown elements, a wrong type,
 * a missing element, an unknown action, resource, principal, operator or key.
 */
final class PolicyParser {
  static final String NOT_JSON = "Policies must be valid JSON and the first byte must be '{'";
  static final String V2012 = "2012-10-17";
  static final String V2008 = "2008-10-17";

  /** AWS's limit for a bucket policy; identity policies are smaller still in AWS. */
  static final int MAX_BYTES = 20 * 1024;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_ELEMENTS =
      Set.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");

  private final PolicyKind kind;
  private boolean variables;

  private PolicyParser(PolicyKind kind) {
    this.kind = kind;
  }

  static List<Statement> parse(String json, PolicyKind kind) throws MalformedPolicyException {
    if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new MalformedPolicyException("Policy exceeds the maximum allowed document size.");
    }
    if (!json.stripLeading().startsWith("{")) {
      throw new MalformedPolicyException(NOT_JSON);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      String message = String.valueOf(e.getOriginalMessage());
      int quote = message.indexOf('"');
      int end = quote < 0 ? -1 : message.indexOf('"', quote + 1);
      if (message.startsWith("Duplicate Object property") && end > quote) {
        throw new MalformedPolicyException(
            "Statement/policy already has instance of " + message.substring(quote + 1, end));
      }
      throw new MalformedPolicyException(NOT_JSON);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedPolicyException(NOT_JSON);
    }
    return new PolicyParser(kind).document(root);
  }

  private List<Statement> document(JsonNode root) throws MalformedPolicyException {
    unknownElements(root, DOCUMENT_ELEMENTS);
    JsonNode version = root.get("Version");
    if (version != null) {
      if (!version.isString()
          || !(version.stringValue().equals(V2012) || version.stringValue().equals(V2008))) {
        throw new MalformedPolicyException("The policy must contain a valid version string");
      }
      // Without Version (which means 2008-10-17), ${...} is literal text, as in AWS.
      variables = version.stringValue().equals(V2012);
    }
    JsonNode id = root.get("Id");
    if (id != null && !id.isString()) {
      throw syntax("Id must be a string");
    }
    JsonNode statement = root.get("Statement");
    if (statement == null) {
      throw new MalformedPolicyException("Missing required field Statement");
    }
    List<Statement> statements = new ArrayList<>();
    if (statement.isArray()) {
      if (statement.isEmpty()) {
        throw new MalformedPolicyException("Could not parse the policy: Statement is empty!");
      }
      for (JsonNode item : statement.values()) {
        statements.add(statement(item));
      }
    } else {
      statements.add(statement(statement));
    }
    return statements;
  }

  private Statement statement(JsonNode node) throws MalformedPolicyException {
    if (!node.isObject()) {
      throw syntax("each Statement must be a JSON object");
    }
    unknownElements(node, STATEMENT_ELEMENTS);
    JsonNode sid = node.get("Sid");
    if (sid != null && !sid.isString()) {
      throw syntax("Sid must be a string");
    }
    JsonNode effect = node.get("Effect");
    if (effect == null) {
      throw new MalformedPolicyException("Missing required field Effect");
    }
    String effectName = effect.isString() ? effect.stringValue() : effect.toString();
    if (!effectName.equals("Allow") && !effectName.equals("Deny")) {
      throw new MalformedPolicyException("Invalid effect: " + effectName);
    }

    JsonNode principal = either(node, "Principal");
    if (principal == null && kind == PolicyKind.BUCKET) {
      throw new MalformedPolicyException("Missing required field Principal");
    }
    PrincipalMatcher principalMatcher = null;
    boolean notPrincipal = node.get("NotPrincipal") != null;
    if (kind == PolicyKind.IDENTITY && principal != null) {
      throw new MalformedPolicyException("Policy document should not specify a principal.");
    }
    if (principal != null) {
      principalMatcher = principal(principal);
    }

    JsonNode action = required(node, "Action");
    ActionMatcher actions =
        ActionMatcher.compile(strings(action, "Action"), node.get("NotAction") != null);

    JsonNode resource = required(node, "Resource");
    List<ResourcePattern> resources = new ArrayList<>();
    for (String written : strings(resource, "Resource")) {
      resources.add(ResourcePattern.compile(written, variables));
    }

    List<Condition> conditions = new ArrayList<>();
    JsonNode condition = node.get("Condition");
    if (condition != null) {
      conditions(condition, conditions);
    }
    return new Statement(
        effectName.equals("Allow"),
        principalMatcher,
        notPrincipal,
        actions,
        resources,
        node.get("NotResource") != null,
        conditions);
  }

  /** The X or NotX element (never both), or null when neither is there. */
  private static @Nullable JsonNode either(JsonNode node, String name)
      throws MalformedPolicyException {
    JsonNode plain = node.get(name);
    JsonNode not = node.get("Not" + name);
    if (plain != null && not != null) {
      throw new MalformedPolicyException("Statement/policy already has instance of " + name);
    }
    return plain != null ? plain : not;
  }

  private static JsonNode required(JsonNode node, String name) throws MalformedPolicyException {
    JsonNode found = either(node, name);
    if (found == null) {
      throw new MalformedPolicyException("Missing required field " + name);
    }
    return found;
  }

  private static PrincipalMatcher principal(JsonNode node) throws MalformedPolicyException {
    if (node.isString() && node.stringValue().equals("*")) {
      return PrincipalMatcher.everyone();
    }
    if (!node.isObject()) {
      throw new MalformedPolicyException(PrincipalMatcher.INVALID);
    }
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      byType.put(entry.getKey(), strings(entry.getValue(), "Principal"));
    }
    return PrincipalMatcher.compile(byType);
  }

  private void conditions(JsonNode node, List<Condition> out) throws MalformedPolicyException {
    if (!node.isObject()) {
      throw syntax("Condition must be a JSON object");
    }
    for (Map.Entry<String, JsonNode> byOperator : node.properties()) {
      if (!byOperator.getValue().isObject()) {
        throw syntax("each condition operator must map keys to values");
      }
      for (Map.Entry<String, JsonNode> byKey : byOperator.getValue().properties()) {
        List<String> values = conditionValues(byKey.getValue());
        out.add(Condition.compile(byOperator.getKey(), byKey.getKey(), values, variables));
      }
    }
  }

  /** Condition values: strings, numbers and booleans (as their JSON text), one or a list. */
  private static List<String> conditionValues(JsonNode node) throws MalformedPolicyException {
    List<String> values = new ArrayList<>();
    for (JsonNode item : node.isArray() ? node.values() : List.of(node)) {
      if (item.isString()) {
        values.add(item.stringValue());
      } else if (item.isNumber() || item.isBoolean()) {
        values.add(item.toString());
      } else {
        throw syntax("condition values must be strings, numbers or booleans");
      }
    }
    if (values.isEmpty()) {
      throw syntax("a condition key needs at least one value");
    }
    return values;
  }

  /** A string or a non-empty array of strings. */
  private static List<String> strings(JsonNode node, String element)
      throws MalformedPolicyException {
    List<String> values = new ArrayList<>();
    for (JsonNode item : node.isArray() ? node.values() : List.of(node)) {
      if (!item.isString()) {
        throw syntax(element + " must be a string or an array of strings");
      }
      values.add(item.stringValue());
    }
    if (values.isEmpty()) {
      throw new MalformedPolicyException("Missing required field " + element + " cannot be empty!");
    }
    return values;
  }

  private static void unknownElements(JsonNode node, Set<String> known)
      throws MalformedPolicyException {
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        throw new MalformedPolicyException("Unknown field " + name);
      }
    }
  }

  private static MalformedPolicyException syntax(String detail) {
    return new MalformedPolicyException("Invalid policy syntax: " + detail);
  }
}
