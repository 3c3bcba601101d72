package io.coffer.server;

import io.coffer.meta.postgres.SqliteCopy;
import io.coffer.meta.postgres.SqliteCopy.TableCount;
import io.coffer.model.CofferException;
import io.coffer.service.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Moves a stopped single-node server's metadata from its SQLite database to PostgreSQL ({@code
 * coffer migrate}), so that nodes started with {@code --metadata} on the same data directory serve
 * everything it held. The blob files stay where they are. Holds the data directory's lock while it
 * works, so it refuses to run beside a server; afterwards marks the directory as PostgreSQL's, so a
 * single-node server no longer starts on the (now stale) SQLite database.
 */
public final class Migration {
  /** One table's rows in the SQLite store and, after the copy, in PostgreSQL. */
  public record Verified(String table, long sqlite, long postgres) {}

  private Migration() {}

  /**
   * Copies the metadata and verifies it: each table's rows counted in both databases.
   *
   * @throws StartupException when the directory is in use or not Coffer's, the target database is
   *     unreachable or not empty, or the counts differ
   */
  public static List<Verified> toPostgres(
      Path dataDir, String url, @Nullable String password, Consumer<String> progress)
      throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Path internal = dir.resolve(".coffer");
    try (DataDirectoryLock held = DataDirectoryLock.acquireExisting(dir)) {
      if (NodeLock.usedByNodes(dir)) {
        throw new StartupException(
            "The metadata of "
                + dir
                + " is in PostgreSQL already (.coffer/"
                + NodeLock.MARKER
                + ").");
      }
      List<TableCount> counts;
      try {
        counts = SqliteCopy.copy(internal.resolve("metadata.db"), url, password, progress);
      } catch (CofferException e) {
        throw new StartupException(String.valueOf(e.getMessage()), e);
      }
      List<TableCount> wrong = counts.stream().filter(c -> !c.matches()).toList();
      if (!wrong.isEmpty()) {
        throw new StartupException("The copy is incomplete: " + wrong + ".");
      }
      PrivateFiles.write(
          internal.resolve(NodeLock.MARKER),
          "The metadata of this data directory is in PostgreSQL (coffer migrate).\n");
      return counts.stream().map(c -> new Verified(c.table(), c.sqlite(), c.postgres())).toList();
    }
  }
}
