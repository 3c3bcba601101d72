package io.coffer.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tag sets (of objects and buckets) are maps that keep the order the tags were given in. */
public final class Tags {
  private Tags() {}

  /** An unmodifiable copy that keeps {@code tags}' iteration order. */
  public static Map<String, String> copyOf(Map<String, String> tags) {
    if (tags.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }
}
