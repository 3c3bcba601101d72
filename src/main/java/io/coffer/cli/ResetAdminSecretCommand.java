package io.coffer.cli;

import io.coffer.model.Credential;
import io.coffer.server.Recovery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code coffer reset-admin-secret}: a new secret for user {@code admin} of a stopped server's data
 * directory.
 */
@Command(
    name = "reset-admin-secret",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Gives user 'admin' a new S3 secret key and prints it (its access key and buckets stay);"
          + " creates that credential if there is none.",
      "Refuses to run while a server uses the data directory. A server started with"
          + " COFFER_ACCESS_KEY and COFFER_SECRET_KEY (or MINIO_ROOT_USER and MINIO_ROOT_PASSWORD)"
          + " uses those instead."
    })
public final class ResetAdminSecretCommand implements Callable<Integer> {

  @Mixin DataDirectoryOption data;

  @Override
  public Integer call() throws Exception {
    Credential admin = Recovery.resetAdminSecret(data.path);
    System.out.println(
        "A new secret for user 'admin' of "
            + data.path.toAbsolutePath().normalize()
            + " (shown only now):");
    System.out.println("  Access key: " + admin.accessKey());
    System.out.println("  Secret key: " + admin.secretKey());
    System.out.flush();
    return 0;
  }
}
