package io.coffer.blob.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlobIdsTest {

  @Test
  void theBlobsOfAGroupShareTheirFolderDigitsAndNothingElse() {
    String group = "an-upload-id-" + UUID.randomUUID();
    String first = BlobIds.inFolderOf(group);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = BlobIds.inFolderOf(group);
      assertThat(BlobIds.isValid(id)).as(id).isTrue();
      assertThat(id).startsWith(first.substring(0, 4));
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  void groupsSpreadOverTheFoldersAsRandomNamesDo() {
    // 10,000 groups in 65,536 folders: about 9,270 distinct ones if spread evenly, as random IDs
    // are; a hash that kept only some of its bits would land in far fewer.
    Set<String> groupFolders = new HashSet<>();
    Set<String> randomFolders = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      groupFolders.add(BlobIds.inFolderOf(UUID.randomUUID().toString()).substring(0, 4));
      randomFolders.add(BlobIds.next().substring(0, 4));
    }
    assertThat(groupFolders).hasSizeGreaterThan(9_000);
    assertThat(randomFolders).hasSizeGreaterThan(9_000);
  }
}
