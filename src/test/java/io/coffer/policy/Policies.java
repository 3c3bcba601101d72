package io.coffer.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.provider.Arguments;

/** Shorthands for the policy tables: JSON with single quotes, requests with condition keys. */
final class Policies {
  static final RequestPrincipal ALICE = new RequestPrincipal("AKALICE", "alice", "11");
  static final RequestPrincipal BOB = new RequestPrincipal("AKBOB", "bob", "12");
  static final RequestPrincipal ANONYMOUS = RequestPrincipal.ANONYMOUS;

  private Policies() {}

  /** JSON written with single quotes (and a backquote for a single quote inside a string). */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').replace('`', '\'');
  }

  /**
   * A document: a whole one when the text has a Statement element, else statements (comma separated
   * objects) wrapped in a 2012-10-17 document.
   */
  static String document(String statements) {
    if (statements.contains("'Statement'")) {
      return json(statements);
    }
    return json("{'Version':'2012-10-17','Statement':[" + statements + "]}");
  }

  /**
   * A request. {@code keys}: {@code "key=value"}, or {@code "key=v1|v2"} for several values; key
   * names as the engine asks for them (canonical).
   */
  static PolicyRequest request(
      String action, String resource, RequestPrincipal who, String... keys) {
    Map<String, List<String>> values = new HashMap<>();
    for (String key : keys) {
      int eq = key.indexOf('=');
      values.put(key.substring(0, eq), List.of(key.substring(eq + 1).split("\\|", -1)));
    }
    return new PolicyRequest(action, resource, who, name -> values.getOrDefault(name, List.of()));
  }

  static PolicyRequest get(String resource, String... keys) {
    return request("s3:GetObject", resource, ALICE, keys);
  }

  /** One row: what the statements decide for the request. */
  static Arguments row(String name, String statements, PolicyRequest request, Decision expected) {
    return Arguments.of(name, PolicyKind.IDENTITY, statements, request, expected);
  }

  /**
   * A row for one condition: an Allow of s3:GetObject on everything under the condition, or a Deny
   * under it (over an Allow of everything) when the text starts with "Deny ".
   */
  static Arguments conditionRow(String name, String condition, Decision expected, String... keys) {
    boolean deny = condition.startsWith("Deny ");
    String body = deny ? condition.substring("Deny ".length()) : condition;
    String statements =
        deny
            ? "{'Effect':'Allow','Action':'s3:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'s3:*','Resource':'*','Condition':{"
                + body
                + "}}"
            : "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{"
                + body
                + "}}";
    return row(name, statements, get("arn:aws:s3:::b/k", keys), expected);
  }

  /** One row of a bucket policy. */
  static Arguments bucketRow(
      String name, String statements, PolicyRequest request, Decision expected) {
    return Arguments.of(name, PolicyKind.BUCKET, statements, request, expected);
  }

  static Decision evaluate(PolicyKind kind, String statements, PolicyRequest request)
      throws MalformedPolicyException {
    return PolicyDocument.parse(document(statements), kind).evaluate(request);
  }
}
