package io.coffer.blob.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing into a fan-out folder races with removing it when its last blob goes: the removal must
 * never win between the folder's creation and the rename into it, and a folder left empty must go.
 */
class FanOutFoldersTest {
  @TempDir Path dir;

  @Test
  void publishesAndRemovalsInOneFolderNeverFail() throws Exception {
    FanOutFolders folders = new FanOutFolders(false);
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path cd = dir.resolve("buckets/0123456789abcdef0123456789abcdef/ab/cd");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      workers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 2000; i++) {
                  Path temp = Files.writeString(tmp.resolve(thread + "-" + i), "x");
                  Path blob = cd.resolve(String.format("abcd%02d%026d", thread, i));
                  folders.moveInto(temp, blob);
                  assertThat(blob).exists();
                  Files.delete(blob);
                  folders.removeIfEmpty(blob);
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(cd).as("the last removal took the folder").doesNotExist();
    assertThat(cd.getParent()).doesNotExist();
  }
}
