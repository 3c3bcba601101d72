package io.coffer.cli;

import io.coffer.server.Recovery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code coffer reset-api-key}: a new management API key for a stopped server's data directory. */
@Command(
    name = "reset-api-key",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Replaces the management API key of a data directory and prints the new one (only its hash is"
          + " stored).",
      "Refuses to run while a server uses the data directory. A server started with COFFER_API_KEY"
          + " uses that key instead."
    })
public final class ResetApiKeyCommand implements Callable<Integer> {

  @Mixin DataDirectoryOption data;

  @Override
  public Integer call() throws Exception {
    String key = Recovery.resetApiKey(data.path);
    System.out.println(
        "A new management API key for "
            + data.path.toAbsolutePath().normalize()
            + " (shown only now; only its hash is stored):");
    System.out.println("  API key:    " + key);
    System.out.flush();
    return 0;
  }
}
