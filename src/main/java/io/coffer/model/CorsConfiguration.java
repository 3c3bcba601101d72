package io.coffer.model;

import java.util.List;

/** A bucket's CORS configuration: its rules in order, the first that matches a request wins. */
public record CorsConfiguration(List<CorsRule> rules) {
  public CorsConfiguration {
    rules = List.copyOf(rules);
  }
}
