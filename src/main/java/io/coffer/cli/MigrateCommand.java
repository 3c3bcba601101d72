package io.coffer.cli;

import io.coffer.server.Migration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coffer migrate}: a stopped server's SQLite metadata into PostgreSQL. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Copies the metadata of a stopped single-node server (its SQLite database) into an empty"
          + " PostgreSQL database, then counts every table's rows in both. The blob files stay"
          + " where they are: start the nodes with --data on the same directory and --metadata"
          + " on the database.",
      "Refuses to run while a server uses the data directory, and refuses a database that holds"
          + " any row. Afterwards a single-node server no longer starts on the directory."
    })
public final class MigrateCommand implements Callable<Integer> {

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR",
      description = "The data directory of the stopped server.")
  Path from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description =
          "The PostgreSQL database: postgresql://user[:password]@host[:port]/db or a"
              + " jdbc:postgresql: URL (password also from env COFFER_METADATA_PASSWORD).")
  String to;

  @Override
  public Integer call() throws Exception {
    List<Migration.Verified> counts =
        Migration.toPostgres(
            from,
            to,
            System.getenv("COFFER_METADATA_PASSWORD"),
            line -> {
              System.out.println(line);
              System.out.flush();
            });
    System.out.println("Verification (rows in SQLite = rows in PostgreSQL):");
    for (Migration.Verified c : counts) {
      System.out.printf("  %-22s %10d = %d%n", c.table(), c.sqlite(), c.postgres());
    }
    System.out.println("Done. Start Coffer with --data " + from + " --metadata <the same URL>.");
    System.out.flush();
    return 0;
  }
}
