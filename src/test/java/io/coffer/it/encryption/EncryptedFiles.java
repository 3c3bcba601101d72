package io.coffer.it.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.StoredFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What is on disk: the plaintext of an encrypted object must be in no blob file. */
final class EncryptedFiles {
  private EncryptedFiles() {}

  /** Fails if any file of the bucket's folder contains {@code marker} (at least 16 bytes). */
  static void assertNowhereOnDisk(Path dataDir, String bucket, byte[] marker) throws IOException {
    Path folder = StoredFiles.bucketFolder(dataDir, bucket);
    int files = 0;
    try (var walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files++;
        assertThat(contains(Files.readAllBytes(file), marker)).as(file.toString()).isFalse();
      }
    }
    assertThat(files).as("blob files of " + bucket).isPositive();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
