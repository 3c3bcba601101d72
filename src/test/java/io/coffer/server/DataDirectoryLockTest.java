package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One holder per data directory, inside one JVM too (the operating system's lock is per process;
 * {@code StartupIT} covers two processes).
 */
class DataDirectoryLockTest {
  @TempDir Path temp;

  @Test
  void twoServersOnOneDataDirectoryInOneJvmAreRefusedWithOneSentence() throws Exception {
    Path data = temp.resolve("data");
    try (DataDirectoryLock first = DataDirectoryLock.acquire(data)) {
      assertThatThrownBy(() -> DataDirectoryLock.acquire(temp.resolve("other/../data")))
          .isInstanceOf(StartupException.class)
          .hasMessage(
              "The data directory "
                  + data
                  + " is in use by another Coffer process (pid "
                  + ProcessHandle.current().pid()
                  + "); stop it first, or give this one another --data directory.");
      // The refusal did not drop the first holder's lock.
      assertThatThrownBy(() -> DataDirectoryLock.acquire(data))
          .isInstanceOf(StartupException.class);
    }
    try (DataDirectoryLock again = DataDirectoryLock.acquire(data)) {
      assertThat(data.resolve(".coffer/lock")).hasContent(ProcessHandle.current().pid() + "\n");
    }
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedIsOneSentence() throws Exception {
    Path file = Files.writeString(temp.resolve("file"), "not a directory");
    assertThatThrownBy(() -> DataDirectoryLock.acquire(file.resolve("data")))
        .isInstanceOf(StartupException.class)
        .hasMessage("Cannot use the data directory " + file.resolve("data") + ": not a directory.");
    assertThatThrownBy(() -> DataDirectoryLock.acquire(file))
        .isInstanceOf(StartupException.class)
        .hasMessage(
            "Cannot use the data directory "
                + file
                + ": "
                + file
                + " exists and is not a directory.");
  }

  @Test
  void recoveryCommandsNeedAnExistingDataDirectory() {
    assertThatThrownBy(() -> DataDirectoryLock.acquireExisting(temp.resolve("missing")))
        .isInstanceOf(StartupException.class)
        .hasMessage(
            temp.resolve("missing")
                + " is not a Coffer data directory (it has no .coffer/metadata.db, nor the mark of"
                + " nodes on PostgreSQL).");
    assertThat(temp.resolve("missing")).doesNotExist();
  }
}
