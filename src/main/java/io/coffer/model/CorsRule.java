package io.coffer.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One CORSRule, as AWS defines it.
 *
 * @param id the rule's ID, or null
 * @param allowedOrigins origins, each with at most one {@code *} wildcard
 * @param allowedMethods GET, PUT, POST, DELETE or HEAD
 * @param allowedHeaders headers a preflight may ask for, each with at most one {@code *}
 * @param exposeHeaders headers the browser may show the page
 * @param maxAgeSeconds how long a browser may cache the preflight's answer, or null
 */
public record CorsRule(
    @Nullable String id,
    List<String> allowedOrigins,
    List<String> allowedMethods,
    List<String> allowedHeaders,
    List<String> exposeHeaders,
    @Nullable Integer maxAgeSeconds) {
  public CorsRule {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedMethods = List.copyOf(allowedMethods);
    allowedHeaders = List.copyOf(allowedHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }
}
