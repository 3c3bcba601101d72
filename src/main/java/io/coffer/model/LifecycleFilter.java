package io.coffer.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which objects a lifecycle rule applies to: all its parts must match (AWS's Filter with And).
 *
 * @param prefix the key prefix, or null for every key
 * @param tags tags the object must all have, empty for none
 * @param sizeGreaterThan ObjectSizeGreaterThan in bytes, or null
 * @param sizeLessThan ObjectSizeLessThan in bytes, or null
 * @param legacyPrefix whether the rule was given with AWS's older rule-level Prefix instead of a
 *     Filter, so that it is returned the way it was sent
 */
public record LifecycleFilter(
    @Nullable String prefix,
    Map<String, String> tags,
    @Nullable Long sizeGreaterThan,
    @Nullable Long sizeLessThan,
    boolean legacyPrefix) {
  public static final LifecycleFilter EVERYTHING =
      new LifecycleFilter(null, Map.of(), null, null, false);

  public LifecycleFilter {
    tags = Tags.copyOf(tags);
  }
}
