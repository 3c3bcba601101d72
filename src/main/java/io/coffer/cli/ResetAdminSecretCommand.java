package io.coffer.cli;

import io.coffer.model.Credential;
import io.coffer.server.Recovery;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coffer reset-admin-secret}: a new secret for user {@code admin} of a stopped server's data
 * directory.
 */
@Command(
    name = "reset-admin-secret",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Gives user 'admin' a new S3 secret key and prints it (its access key and buckets stay).",
      "Creates that credential if there is none. Refuses to run while a server uses the data"
          + " directory.",
      "A server started with COFFER_ACCESS_KEY and COFFER_SECRET_KEY (or MINIO_ROOT_USER and"
          + " MINIO_ROOT_PASSWORD)",
      "uses those instead."
    })
public final class ResetAdminSecretCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "${env:COFFER_DATA:-./data}",
      description = "Data directory (env COFFER_DATA, default ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() throws Exception {
    Credential admin = Recovery.resetAdminSecret(data);
    System.out.println(
        "A new secret for user 'admin' of "
            + data.toAbsolutePath().normalize()
            + " (shown only now):");
    System.out.println("  Access key: " + admin.accessKey());
    System.out.println("  Secret key: " + admin.secretKey());
    System.out.flush();
    return 0;
  }
}
