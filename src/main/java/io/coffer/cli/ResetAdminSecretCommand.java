package io.coffer.cli;

import io.coffer.model.Credential;
import io.coffer.server.Recovery;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coffer reset-admin-secret}: a new secret for user {@code admin} of a stopped server's data directory. */
@Command(
    name = "reset-admin-secret",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Gives the S3 credential of user 'admin' a new secret key (its access key and buckets stay) and prints it;",
      "creates that credential if there is none. Refuses to run while a server uses the directory.",
      "A server started with COFFER_ACCESS_KEY and COFFER_SECRET_KEY sets that secret again instead."
    })
public final class ResetAdminSecretCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:COFFER_DATA:-./data}",
      description = "Data directory (env COFFER_DATA, default ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() throws Exception {
    Credential admin = Recovery.resetAdminSecret(data);
    System.out.println("A new secret for user 'admin' of " + data.toAbsolutePath().normalize() + " (shown only now):");
    System.out.println("  Access key: " + admin.accessKey());
    System.out.println("  Secret key: " + admin.secretKey());
    System.out.flush();
    return 0;
  }
}
