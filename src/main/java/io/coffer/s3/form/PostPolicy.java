package io.coffer.s3.form;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A POST policy: the base64 JSON document a form carries in its {@code policy} field, saying until
 * when the form may be used and what its fields may hold. Parsed once; {@link #check} is pure.
 *
 * <p>As AWS: every form field except {@link #EXEMPT} (and names starting {@code x-ignore-}) must be
 * named by a condition, a condition on a field the form lacks compares against "", and the {@code
 * bucket} condition matches the bucket of the URL. Conditions on {@code key} see the key as sent,
 * before {@code ${filename}} is replaced: the signer approved that text.
 *
 * @param expiration when the policy stops being valid
 * @param conditions the field conditions (eq, starts-with)
 * @param lengthRange the content-length-range condition, or null when there is none
 */
public record PostPolicy(
    Instant expiration, List<FieldCondition> conditions, @Nullable LengthRange lengthRange) {

  /** Fields that no condition needs to name (AWS's list, and SigV2's key ID and signature). */
  public static final Set<String> EXEMPT =
      Set.of("policy", "x-amz-signature", "signature", "awsaccesskeyid", "file");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An {@code eq} or {@code starts-with} condition on one field (name in lower case). */
  public record FieldCondition(String field, boolean prefix, String value) {
    boolean matches(@Nullable String actual) {
      String v = actual == null ? "" : actual;
      return prefix ? v.startsWith(value) : v.equals(value);
    }

    /** As AWS quotes a failed condition. */
    String describe() {
      return "[\"" + (prefix ? "starts-with" : "eq") + "\", \"$" + field + "\", \"" + value + "\"]";
    }
  }

  /** {@code ["content-length-range", min, max]}: the file's size in bytes, both inclusive. */
  public record LengthRange(long min, long max) {}

  public PostPolicy {
    conditions = List.copyOf(conditions);
  }

  /** Decodes and parses a {@code policy} field; InvalidPolicyDocument when it is not one. */
  public static PostPolicy parse(String base64) {
    byte[] json;
    try {
      json = Base64.getMimeDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw invalid("Invalid Policy: Invalid Base64 encoding.");
    }
    JsonNode root;
    try {
      root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw invalid("Invalid Policy: Invalid JSON.");
    }
    if (root == null || !root.isObject()) {
      throw invalid("Invalid Policy: Invalid JSON.");
    }
    JsonNode expiration = root.get("expiration");
    if (expiration == null) {
      throw invalid("Invalid Policy: Policy missing expiration.");
    }
    Instant expires;
    try {
      expires = Instant.parse(expiration.asString());
    } catch (DateTimeParseException | JacksonException e) {
      throw invalid("Invalid Policy: Invalid 'expiration' value: '" + expiration + "'");
    }
    JsonNode conditions = root.get("conditions");
    if (conditions == null) {
      throw invalid("Invalid Policy: Policy missing conditions.");
    }
    if (!conditions.isArray()) {
      throw invalid("Invalid Policy: Invalid 'conditions' value.");
    }
    List<FieldCondition> fields = new ArrayList<>();
    LengthRange range = null;
    for (JsonNode condition : conditions) {
      if (condition.isObject()) {
        // {"field": "value"}: an exact match, one field per object
        if (condition.size() != 1) {
          throw invalid("Invalid Policy: Invalid Simple-Condition: " + condition);
        }
        Map.Entry<String, JsonNode> only = condition.properties().iterator().next();
        if (!only.getValue().isString()) {
          throw invalid("Invalid Policy: Invalid Simple-Condition: " + condition);
        }
        fields.add(new FieldCondition(fieldName(only.getKey()), false, only.getValue().asString()));
      } else if (condition.isArray() && condition.size() == 3 && condition.get(0).isString()) {
        String op = condition.get(0).asString().toLowerCase(Locale.ROOT);
        switch (op) {
          case "eq", "starts-with" -> {
            JsonNode name = condition.get(1);
            JsonNode value = condition.get(2);
            if (!name.isString() || !name.asString().startsWith("$") || !value.isString()) {
              throw invalid("Invalid Policy: Invalid Condition: " + condition);
            }
            fields.add(
                new FieldCondition(
                    fieldName(name.asString().substring(1)),
                    op.equals("starts-with"),
                    value.asString()));
          }
          case "content-length-range" -> {
            long min = number(condition.get(1), condition);
            long max = number(condition.get(2), condition);
            if (min < 0 || max < min) {
              throw invalid("Invalid Policy: Invalid content-length-range: " + condition);
            }
            range = new LengthRange(min, max);
          }
          default ->
              throw invalid("Invalid Policy: Invalid Condition: unknown operation " + condition);
        }
      } else {
        throw invalid("Invalid Policy: Invalid Condition: " + condition);
      }
    }
    return new PostPolicy(expires, fields, range);
  }

  private static String fieldName(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static long number(JsonNode node, JsonNode condition) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node.isString()) {
      try {
        return Long.parseLong(node.asString().trim());
      } catch (NumberFormatException e) {
        // fall through to the error
      }
    }
    throw invalid("Invalid Policy: Invalid content-length-range: " + condition);
  }

  /**
   * Checks the form against the policy: not expired, every condition met, every field named by a
   * condition. AccessDenied "Invalid according to Policy: ..." otherwise, AWS's code and text.
   *
   * @param fields the form fields before the file, names in lower case
   * @param bucket the bucket of the URL, which the {@code bucket} condition matches
   */
  public void check(Map<String, String> fields, String bucket, Instant now) {
    if (!now.isBefore(expiration)) {
      throw denied("Policy expired.");
    }
    for (FieldCondition condition : conditions) {
      String actual = condition.field().equals("bucket") ? bucket : fields.get(condition.field());
      if (!condition.matches(actual)) {
        throw denied("Policy Condition failed: " + condition.describe());
      }
    }
    List<String> extra = new ArrayList<>();
    for (String field : fields.keySet()) {
      if (!EXEMPT.contains(field) && !field.startsWith("x-ignore-") && !covered(field)) {
        extra.add(field);
      }
    }
    if (!extra.isEmpty()) {
      throw denied("Extra input fields: " + String.join(", ", extra));
    }
  }

  private boolean covered(String field) {
    for (FieldCondition condition : conditions) {
      if (condition.field().equals(field)) {
        return true;
      }
    }
    return false;
  }

  private static CofferException invalid(String message) {
    return new CofferException(ErrorCode.INVALID_POLICY_DOCUMENT, message);
  }

  private static CofferException denied(String message) {
    return new CofferException(ErrorCode.ACCESS_DENIED, "Invalid according to Policy: " + message);
  }
}
