package io.coffer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option every command that works on a data directory takes. */
final class DataDirectoryOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "${env:COFFER_DATA:-./data}",
      description = "Data directory (env COFFER_DATA, default ${DEFAULT-VALUE}).")
  Path path;
}
