package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Bucket;
import io.coffer.model.BucketQuery;
import io.coffer.model.Credential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ListBuckets pagination in the store: keyset pages (after the last name, by prefix, by owner) that
 * together give exactly what one filtered pass over every bucket would.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
class BucketListingTest {
  @Parameter Stores.Kind kind;
  @TempDir Path dir;

  @Test
  void pagesWalkEachOwnersBucketsByPrefixExactlyOnce() {
    try (Stores stores = Stores.create(kind, dir)) {
      MetadataStore store = stores.open(false);
      Credential alice = store.createCredential("AK1", "SK", "alice", T0);
      Credential bob = store.createCredential("AK2", "SK", "bob", T0);
      Random random = new Random(12);
      TreeSet<String> alices = new TreeSet<>();
      TreeSet<String> everyone = new TreeSet<>();
      String alphabet = "ab.-9z";
      while (everyone.size() < 300) {
        StringBuilder name = new StringBuilder("b");
        for (int i = random.nextInt(5); i >= 0; i--) {
          name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (everyone.add(name.toString())) {
          boolean hers = random.nextBoolean();
          store.createBucket(name.toString(), hers ? alice.id() : bob.id(), "us-east-1", T0, false);
          if (hers) {
            alices.add(name.toString());
          }
        }
      }
      for (String prefix : List.of("", "b", "ba", "bz", "b.", "b-9", "bzzzzzz", "c", "a")) {
        for (int pageSize : new int[] {1, 7, 1000}) {
          assertThat(walk(store, alice.id(), prefix, pageSize))
              .as(prefix + "/" + pageSize)
              .containsExactlyElementsOf(
                  alices.stream().filter(n -> n.startsWith(prefix)).toList());
          assertThat(walk(store, BucketQuery.ANY_OWNER, prefix, pageSize))
              .as(prefix + "/" + pageSize)
              .containsExactlyElementsOf(
                  everyone.stream().filter(n -> n.startsWith(prefix)).toList());
        }
      }
    }
  }

  @Test
  void regionFilterAndAPositionBeforeThePrefix() {
    try (Stores stores = Stores.create(kind, dir)) {
      MetadataStore store = stores.open(false);
      Credential c = store.createCredential("AK1", "SK", "u", T0);
      store.createBucket("p-1", c.id(), "us-east-1", T0, false);
      store.createBucket("p-2", c.id(), "mars-1", T0, false);
      store.createBucket("p-3", c.id(), "us-east-1", T0, false);
      store.createBucket("q-1", c.id(), "us-east-1", T0, false);
      assertThat(names(store.listBuckets(new BucketQuery(c.id(), "p", "us-east-1", null, 10))))
          .containsExactly("p-1", "p-3");
      // A position before the prefix's range starts at the prefix; one past it gives nothing.
      assertThat(names(store.listBuckets(new BucketQuery(c.id(), "p", null, "a", 10))))
          .containsExactly("p-1", "p-2", "p-3");
      assertThat(names(store.listBuckets(new BucketQuery(c.id(), "p", null, "p-2", 10))))
          .containsExactly("p-3");
      assertThat(names(store.listBuckets(new BucketQuery(c.id(), "p", null, "q", 10)))).isEmpty();
      assertThat(names(store.listBuckets(new BucketQuery(c.id(), "\uFFFF", null, null, 10))))
          .isEmpty();
    }
  }

  private static List<String> walk(MetadataStore store, long owner, String prefix, int pageSize) {
    List<String> seen = new ArrayList<>();
    String after = null;
    while (true) {
      List<Bucket> page = store.listBuckets(new BucketQuery(owner, prefix, null, after, pageSize));
      page.forEach(b -> seen.add(b.name()));
      if (page.size() < pageSize) {
        return seen;
      }
      after = page.getLast().name();
    }
  }

  private static List<String> names(List<Bucket> buckets) {
    return buckets.stream().map(Bucket::name).toList();
  }
}
