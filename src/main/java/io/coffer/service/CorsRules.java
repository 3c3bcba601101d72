package io.coffer.service;

import io.coffer.model.CofferException;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import io.coffer.model.ErrorCode;
import java.util.Set;

/**
 * S3's limits on a CORS configuration, checked before one is stored (from S3 or the management
 * API). The document's shape (at least one rule, each with an origin and a method) is the parser's
 * to check; this is what S3 answers InvalidRequest for. Values must also be sendable as header
 * values, since the methods and exposed headers go back to browsers verbatim.
 */
public final class CorsRules {
  /** "You can add up to 100 rules to the configuration." */
  public static final int MAX_RULES = 100;

  /** The longest rule ID S3 takes. */
  public static final int MAX_ID_LENGTH = 255;

  /** The methods a rule may allow. */
  public static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

  private CorsRules() {}

  /**
   * @throws CofferException INVALID_REQUEST with S3's message for the first rule S3 would refuse
   */
  public static void validate(CorsConfiguration configuration) {
    if (configuration.rules().isEmpty()) {
      throw invalid("A CORS configuration needs at least one rule.");
    }
    if (configuration.rules().size() > MAX_RULES) {
      throw invalid(
          "The number of CORS rules should not exceed allowed limit of " + MAX_RULES + " rules.");
    }
    for (CorsRule rule : configuration.rules()) {
      validate(rule);
    }
  }

  private static void validate(CorsRule rule) {
    String id = rule.id();
    if (id != null && id.length() > MAX_ID_LENGTH) {
      throw invalid(
          "The ID of a CORS rule cannot be longer than " + MAX_ID_LENGTH + " characters.");
    }
    if (rule.allowedOrigins().isEmpty() || rule.allowedMethods().isEmpty()) {
      throw invalid("Each CORSRule must identify at least one origin and one method.");
    }
    for (String method : rule.allowedMethods()) {
      if (!METHODS.contains(method)) {
        throw invalid(
            "Found unsupported HTTP method in CORS config. Unsupported method is " + method);
      }
    }
    for (String origin : rule.allowedOrigins()) {
      requireHeaderText("AllowedOrigin", origin);
      if (wildcards(origin) > 1) {
        throw invalid("AllowedOrigin \"" + origin + "\" can not have more than one wildcard.");
      }
    }
    for (String header : rule.allowedHeaders()) {
      requireHeaderText("AllowedHeader", header);
      if (wildcards(header) > 1) {
        throw invalid("AllowedHeader \"" + header + "\" can not have more than one wildcard.");
      }
    }
    for (String header : rule.exposeHeaders()) {
      requireHeaderText("ExposeHeader", header);
      if (wildcards(header) > 0) {
        throw invalid(
            "ExposeHeader \""
                + header
                + "\" contains wildcard. We currently do not support wildcard for ExposeHeader.");
      }
    }
    Integer maxAge = rule.maxAgeSeconds();
    if (maxAge != null && maxAge < 0) {
      throw invalid("MaxAgeSeconds cannot be negative.");
    }
  }

  /** Printable ASCII only: anything else could not be sent back in a response header. */
  private static void requireHeaderText(String element, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw invalid(element + " \"" + value + "\" is not valid: only printable ASCII is.");
      }
    }
  }

  private static long wildcards(String value) {
    return value.chars().filter(c -> c == '*').count();
  }

  private static CofferException invalid(String message) {
    return new CofferException(ErrorCode.INVALID_REQUEST, message);
  }
}
