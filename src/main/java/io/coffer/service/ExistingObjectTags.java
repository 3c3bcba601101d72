package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.ObjectMeta;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tag set of a stored object version, for s3:ExistingObjectTag conditions. Read only when a
 * policy's condition names such a key, so a request under policies without one costs no lookup.
 */
@FunctionalInterface
public interface ExistingObjectTags {
  /** For deciders without a store (tests): every object untagged. */
  ExistingObjectTags NONE = (bucket, key, versionId) -> Map.of();

  /** The version's tags ({@code versionId} null: the current one); empty when there is none. */
  Map<String, String> of(String bucket, String key, @Nullable String versionId);

  /** The tags as the store holds them; a delete marker or a missing version has none. */
  static ExistingObjectTags stored(MetadataStore store) {
    return (bucket, key, versionId) ->
        store
            .findVersion(bucket, key, versionId)
            .map(
                version ->
                    version instanceof ObjectMeta meta ? meta.tags() : Map.<String, String>of())
            .orElse(Map.of());
  }
}
