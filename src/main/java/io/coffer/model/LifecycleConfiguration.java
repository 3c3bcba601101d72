package io.coffer.model;

import java.util.List;

/** A bucket's lifecycle configuration: up to 1000 rules. */
public record LifecycleConfiguration(List<LifecycleRule> rules) {
  public LifecycleConfiguration {
    rules = List.copyOf(rules);
  }
}
