package io.coffer.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BlobIdSetTest {
  @Property
  void everyIdAddedIsReferencedAndNoOtherIs(
      @ForAll("blobIds") @Size(max = 3000) List<String> added,
      @ForAll("blobIds") @Size(max = 300) List<String> others) {
    BlobIdSet set = new BlobIdSet();
    added.forEach(set::add);

    assertThat(added).allMatch(set);
    Set<String> addedPrefixes = new HashSet<>();
    added.forEach(id -> addedPrefixes.add(id.substring(0, 16)));
    assertThat(others)
        .filteredOn(id -> !addedPrefixes.contains(id.substring(0, 16)))
        .noneMatch(set);
  }

  @Provide
  Arbitrary<List<String>> blobIds() {
    // Random IDs; jqwik mixes in edge cases (0, -1, ...), so IDs repeat and halves clash too
    return Arbitraries.longs()
        .tuple2()
        .map(t -> HexFormat.of().toHexDigits(t.get1()) + HexFormat.of().toHexDigits(t.get2()))
        .list();
  }

  @Test
  void aMillionIdsAreAllFoundAndAddingAfterATestSortsAgain() {
    Random random = new Random(7);
    BlobIdSet set = new BlobIdSet();
    String[] ids = new String[1_000_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits((long) i);
      set.add(ids[i]);
    }
    assertThat(set.size()).isEqualTo(1_000_000);
    assertThat(ids).allMatch(set);

    String late = "ffffffffffffffff0000000000000000";
    assertThat(set.test(late)).isFalse();
    set.add(late);
    assertThat(set.test(late)).isTrue();
    assertThat(set.test(ids[0])).isTrue();
  }

  @Test
  void anIdOfAnotherFormIsKeptAsItIs() {
    BlobIdSet set = new BlobIdSet();
    set.add("not-a-blob-id");
    set.add("ABCDEF0123456789ABCDEF0123456789"); // upper case is not this store's form

    assertThat(set.test("not-a-blob-id")).isTrue();
    assertThat(set.test("ABCDEF0123456789ABCDEF0123456789")).isTrue();
    assertThat(set.test("abcdef0123456789abcdef0123456789")).isFalse();
    assertThat(set.test("not-a-blob")).isFalse();
    assertThat(set.size()).isZero();
  }
}
