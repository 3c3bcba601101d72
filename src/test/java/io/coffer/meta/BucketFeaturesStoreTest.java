package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.Bucket;
import io.coffer.model.BucketFeatures;
import io.coffer.model.CofferException;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import io.coffer.model.Credential;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Schema version 7: tags on object versions and buckets, CORS and lifecycle configurations and
 * quotas are kept and read back as written, each setting on its own; a version 6 database migrates
 * with none of them set.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
public class BucketFeaturesStoreTest {
  @Parameter Stores.Kind kind;
  @TempDir Path dir;

  public static final CorsConfiguration CORS =
      new CorsConfiguration(
          List.of(
              new CorsRule(
                  "r1",
                  List.of("https://*.example.com"),
                  List.of("GET", "PUT"),
                  List.of("*"),
                  List.of("ETag"),
                  3000),
              new CorsRule(null, List.of("*"), List.of("GET"), List.of(), List.of(), null)));

  static final LifecycleConfiguration LIFECYCLE =
      new LifecycleConfiguration(
          List.of(
              new LifecycleRule(
                  "logs",
                  true,
                  new LifecycleFilter("logs/", Map.of("k", "v"), 10L, null, false),
                  new LifecycleExpiration(30, null, false),
                  new NoncurrentVersionExpiration(7, 2),
                  3),
              new LifecycleRule(
                  "dated",
                  false,
                  LifecycleFilter.EVERYTHING,
                  new LifecycleExpiration(null, LocalDate.of(2030, 1, 1), false),
                  null,
                  null)));

  @Test
  void everyFeatureIsKeptOnItsOwn() {
    try (Stores stores = Stores.create(kind, dir)) {
      MetadataStore store = stores.open(true);
      Credential alice = store.createCredential("AK", "s", "alice", T0);
      Bucket b = store.createBucket("b", alice.id(), "r", T0, false);
      assertThat(b.features()).isEqualTo(BucketFeatures.NONE);
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put("z", "last-first");
      tags.put("a", "");
      store.setBucketTags("b", b.id(), tags);
      store.setBucketCors("b", b.id(), CORS);
      store.setBucketLifecycle("b", b.id(), LIFECYCLE);
      Bucket set = store.setBucketQuota("b", b.id(), 1L << 40);
      BucketFeatures expected = new BucketFeatures(tags, CORS, LIFECYCLE, 1L << 40, null, null);
      assertThat(set.features()).isEqualTo(expected);
      assertThat(List.copyOf(set.features().tags().keySet())).containsExactly("z", "a");
      assertThat(store.findBucketRef("b").orElseThrow().features()).isEqualTo(expected);

      store.setBucketCors("b", b.id(), null);
      Bucket cleared = store.setBucketTags("b", b.id(), Map.of());
      assertThat(cleared.features())
          .isEqualTo(new BucketFeatures(Map.of(), null, LIFECYCLE, 1L << 40, null, null));
      assertThatThrownBy(() -> store.setBucketQuota("b", "other-id", 1L))
          .isInstanceOf(CofferException.class);
    }
  }

  @Test
  void objectTagsAreKeptPerVersion() {
    try (Stores stores = Stores.create(kind, dir)) {
      MetadataStore store = stores.open(true);
      Credential alice = store.createCredential("AK", "s", "alice", T0);
      Bucket b = store.createBucket("b", alice.id(), "r", T0, false);
      store.setVersioning("b", b.id(), Versioning.ENABLED);
      String v1 = "00000000000000000001";
      Fixtures.put(
          store,
          Fixtures.object("b", "k", "s1", 10, "e1").withVersion(v1).withTags(Map.of("a", "1")),
          WritePrecondition.NONE);
      Fixtures.put(
          store,
          Fixtures.object("b", "k", "s2", 10, "e2").withVersion("00000000000000000002"),
          WritePrecondition.NONE);
      assertThat(store.findObject("b", "k").orElseThrow().tags()).isEmpty();
      assertThat(store.findVersion("b", "k", v1).orElseThrow())
          .isInstanceOfSatisfying(
              ObjectMeta.class, m -> assertThat(m.tags()).containsEntry("a", "1"));

      store.setObjectTags("b", "k", null, Map.of("cur", "x"), null);
      store.setObjectTags("b", "k", v1, Map.of(), null);
      assertThat(store.findObject("b", "k").orElseThrow().tags()).isEqualTo(Map.of("cur", "x"));
      assertThat(store.findVersion("b", "k", v1).orElseThrow())
          .isInstanceOfSatisfying(ObjectMeta.class, m -> assertThat(m.tags()).isEmpty());
    }
  }
}
