package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes starting together on a shared directory create a secret's file exactly once. */
class PrivateFilesCreateOnceTest {
  @TempDir Path temp;

  @Test
  void racingCreatorsMakeOneFileAndOnlyItsCreatorIsTold() throws Exception {
    Path file = temp.resolve("api-key.sha256");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> created = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String content = "writer-" + i + "\n";
        created.add(
            pool.submit(
                () -> {
                  go.await();
                  return PrivateFiles.createOnce(file, content);
                }));
      }
      go.countDown();
      int winner = -1;
      for (int i = 0; i < created.size(); i++) {
        if (created.get(i).get()) {
          assertThat(winner).as("a second creator").isEqualTo(-1);
          winner = i;
        }
      }
      assertThat(winner).isNotEqualTo(-1);
      assertThat(Files.readString(file)).isEqualTo("writer-" + winner + "\n");
      try (Stream<Path> left = Files.list(temp)) {
        assertThat(left).containsExactly(file); // no temporary files stay behind
      }
      assertThat(PrivateFiles.createOnce(file, "later\n")).isFalse();
      assertThat(Files.readString(file)).isEqualTo("writer-" + winner + "\n");
    } finally {
      pool.shutdownNow();
    }
  }
}
