package io.coffer.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** What a data directory holds on disk, for tests of the blob layout. */
public final class StoredFiles {
  private StoredFiles() {}

  /** The PostgreSQL databases of data directories whose metadata is there (not in SQLite). */
  private static final Map<Path, PostgresDatabase> POSTGRES = new ConcurrentHashMap<>();

  /** Says that {@code dataDir}'s metadata is in {@code database}. */
  static void metadataIn(Path dataDir, PostgresDatabase database) {
    POSTGRES.put(dataDir, database);
  }

  /**
   * Where a bucket's blobs are, {@code <data>/buckets/<bucket id>}, with the ID read from the
   * metadata database (a second reader beside the running server, which WAL mode allows).
   */
  public static Path bucketFolder(Path dataDir, String bucket) {
    PostgresDatabase database = POSTGRES.get(dataDir);
    try (Connection db =
            database != null
                ? database.connect()
                : DriverManager.getConnection(
                    "jdbc:sqlite:" + dataDir.resolve(".coffer/metadata.db"));
        PreparedStatement ps = db.prepareStatement("SELECT id FROM buckets WHERE name = ?")) {
      ps.setString(1, bucket);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no bucket " + bucket);
        }
        return dataDir.resolve("buckets").resolve(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Path> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }

  /** Every regular file under {@code dir}. */
  public static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * Every regular file under {@code dir} once there are {@code expected}, or after ten seconds
   * whatever there is: a blob an overwrite or a delete released is deleted on a background thread
   * after the reply.
   */
  public static List<Path> filesOnce(Path dir, int expected) throws Exception {
    return once(() -> files(dir), expected);
  }

  /** As {@link #filesOnce}, for the folders under {@code dir}. */
  public static List<Path> foldersOnce(Path dir, int expected) throws Exception {
    return once(() -> folders(dir), expected);
  }

  private interface Listing {
    List<Path> list() throws IOException;
  }

  private static List<Path> once(Listing listing, int expected) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        List<Path> found = listing.list();
        if (found.size() == expected) {
          return found;
        }
      } catch (IOException | java.io.UncheckedIOException deletedWhileWalked) {
        // the walk met a file or folder the deleter removed meanwhile: look again
      }
      Thread.sleep(20);
    }
    return listing.list();
  }

  /** Every folder under {@code dir}, not counting {@code dir}. */
  public static List<Path> folders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir) && Files.isDirectory(p)).sorted().toList();
    }
  }
}
