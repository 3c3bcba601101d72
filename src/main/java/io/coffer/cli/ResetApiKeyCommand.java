package io.coffer.cli;

import io.coffer.server.Recovery;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coffer reset-api-key}: a new management API key for a stopped server's data directory. */
@Command(
    name = "reset-api-key",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Replaces the management API key of a data directory and prints the new one (only its hash is"
          + " stored).",
      "Refuses to run while a server uses the data directory. A server started with COFFER_API_KEY"
          + " uses that",
      "key instead."
    })
public final class ResetApiKeyCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "${env:COFFER_DATA:-./data}",
      description = "Data directory (env COFFER_DATA, default ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() throws Exception {
    String key = Recovery.resetApiKey(data);
    System.out.println(
        "A new management API key for "
            + data.toAbsolutePath().normalize()
            + " (shown only now; only its hash is stored):");
    System.out.println("  API key:    " + key);
    System.out.flush();
    return 0;
  }
}
