package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketFeatures;
import io.coffer.model.BucketRef;
import io.coffer.model.Credential;
import io.coffer.model.ObjectOwnership;
import java.nio.file.Path;
import java.util.Optional;
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
      assertThat(store.findBucketRef("b")).isEmpty();
      Bucket first = store.createBucket("b", alice.id(), "r", T0, false);
      assertThat(store.findBucketRef("b"))
          .hasValue(
              new BucketRef(
                  first.id(),
                  alice.id(),
                  io.coffer.model.Versioning.UNVERSIONED,
                  false,
                  null,
                  BucketAccess.of(ObjectOwnership.OBJECT_WRITER),
                  BucketFeatures.NONE));
      long statements = store.statementCount();
      assertThat(store.findBucketRef("b"))
          .hasValue(
              new BucketRef(
                  first.id(),
                  alice.id(),
                  io.coffer.model.Versioning.UNVERSIONED,
                  false,
                  null,
                  BucketAccess.of(ObjectOwnership.OBJECT_WRITER),
                  BucketFeatures.NONE));
      assertThat(store.statementCount()).as("answered from memory").isEqualTo(statements);
      Fixtures.deleteBucket(store, "b");
      assertThat(store.findBucketRef("b")).isEmpty();
      Bucket second = store.createBucket("b", bob.id(), "r", T0, false);
      assertThat(second.id()).as("a name created again is another bucket").isNotEqualTo(first.id());
      assertThat(store.findBucketRef("b"))
          .hasValue(
              new BucketRef(
                  second.id(),
                  bob.id(),
                  io.coffer.model.Versioning.UNVERSIONED,
                  false,
                  null,
                  BucketAccess.of(ObjectOwnership.OBJECT_WRITER),
                  BucketFeatures.NONE));
    }
  }

  @Test
  void aLookupOverlappingAChangeIsNotKept() {
    BucketOwners owners = new BucketOwners();
    AtomicInteger loads = new AtomicInteger();
    // the bucket is deleted while the lookup that still saw it runs
    Optional<BucketRef> first =
        owners.get(
            "b",
            name -> {
              loads.incrementAndGet();
              owners.changed("b");
              return ref(7);
            });
    assertThat(first).isEqualTo(ref(7));
    Optional<BucketRef> second =
        owners.get(
            "b",
            name -> {
              loads.incrementAndGet();
              return Optional.empty();
            });
    assertThat(second).isEmpty();
    assertThat(loads).hasValue(2);
    assertThat(owners.get("b", name -> ref(99))).as("the second answer is kept").isEmpty();
  }

  @Test
  void manyMadeUpNamesDoNotGrowTheCacheWithoutBound() {
    BucketOwners owners = new BucketOwners();
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < BucketOwners.MAX_ENTRIES * 3; i++) {
      owners.get("nope-" + i, name -> Optional.empty());
    }
    owners.get("real", name -> ref(1));
    assertThat(
            owners.get(
                "real",
                name -> {
                  loads.incrementAndGet();
                  return ref(1);
                }))
        .isEqualTo(ref(1));
    assertThat(loads).as("a real bucket is still cached after the flood").hasValue(0);
    assertThat(owners.size()).isLessThanOrEqualTo(BucketOwners.MAX_ENTRIES);
  }

  private static Optional<BucketRef> ref(long owner) {
    return Optional.of(
        new BucketRef(
            "0123456789abcdef0123456789abcdef",
            owner,
            io.coffer.model.Versioning.UNVERSIONED,
            false,
            null,
            BucketAccess.of(ObjectOwnership.OBJECT_WRITER),
            BucketFeatures.NONE));
  }
}
