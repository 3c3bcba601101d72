package io.coffer.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a data directory holds on disk, for tests of the blob layout. */
final class StoredFiles {
  private StoredFiles() {}

  /** The folder of the one bucket stored so far: {@code <data>/buckets/<bucket id>}. */
  static Path onlyBucketFolder(Path dataDir) throws IOException {
    List<Path> folders = children(dataDir.resolve("buckets"));
    if (folders.size() != 1) {
      throw new AssertionError("expected one bucket folder, found " + folders);
    }
    return folders.get(0);
  }

  static List<Path> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }

  /** Every regular file under {@code dir}. */
  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Every folder under {@code dir}, not counting {@code dir}. */
  static List<Path> folders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir) && Files.isDirectory(p)).sorted().toList();
    }
  }
}
