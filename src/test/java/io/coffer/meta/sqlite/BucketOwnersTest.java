package io.coffer.meta.sqlite;

import static io.coffer.meta.sqlite.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Credential;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketOwnersTest {
  @TempDir Path dir;

  @Test
  void storeAnswersFromMemoryAndForgetsOnCreateAndDelete() {
    try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("m.db"), false)) {
      Credential alice = store.createCredential("AKA", "s", "alice", T0);
      Credential bob = store.createCredential("AKB", "s", "bob", T0);
      assertThat(store.findBucketOwner("b")).isEmpty();
      store.createBucket("b", alice.id(), "r", T0);
      assertThat(store.findBucketOwner("b")).hasValue(alice.id());
      long statements = store.statementCount();
      assertThat(store.findBucketOwner("b")).hasValue(alice.id());
      assertThat(store.statementCount()).as("answered from memory").isEqualTo(statements);
      store.deleteBucket("b");
      assertThat(store.findBucketOwner("b")).isEmpty();
      store.createBucket("b", bob.id(), "r", T0);
      assertThat(store.findBucketOwner("b")).hasValue(bob.id());
    }
  }

  @Test
  void aLookupOverlappingAChangeIsNotKept() {
    BucketOwners owners = new BucketOwners();
    AtomicInteger loads = new AtomicInteger();
    // the bucket is deleted while the lookup that still saw it runs
    OptionalLong first =
        owners.get(
            "b",
            name -> {
              loads.incrementAndGet();
              owners.changed("b");
              return OptionalLong.of(7);
            });
    assertThat(first).hasValue(7);
    OptionalLong second = owners.get("b", name -> {
      loads.incrementAndGet();
      return OptionalLong.empty();
    });
    assertThat(second).isEmpty();
    assertThat(loads).hasValue(2);
    assertThat(owners.get("b", name -> OptionalLong.of(99))).as("the second answer is kept").isEmpty();
  }

  @Test
  void manyMadeUpNamesDoNotGrowTheCacheWithoutBound() {
    BucketOwners owners = new BucketOwners();
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < BucketOwners.MAX_ENTRIES * 3; i++) {
      owners.get("nope-" + i, name -> OptionalLong.empty());
    }
    owners.get("real", name -> OptionalLong.of(1));
    assertThat(owners.get("real", name -> {
      loads.incrementAndGet();
      return OptionalLong.of(1);
    })).hasValue(1);
    assertThat(loads).as("a real bucket is still cached after the flood").hasValue(0);
    assertThat(owners.size()).isLessThanOrEqualTo(BucketOwners.MAX_ENTRIES);
  }
}
