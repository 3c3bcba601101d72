package io.coffer.cli;

import io.coffer.config.MetadataOptions;
import io.coffer.config.MetadataSettings;
import io.coffer.model.Credential;
import io.coffer.server.Recovery;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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

  @Option(
      names = "--metadata",
      paramLabel = "URL",
      description =
          "The PostgreSQL URL the directory's nodes keep their metadata in (env COFFER_METADATA;"
              + " the password from COFFER_METADATA_PASSWORD); without it, the directory's SQLite"
              + " database.")
  @Nullable String metadata;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String url;
    try {
      url =
          MetadataOptions.metadataUrl(
              metadata != null ? metadata : System.getenv("COFFER_METADATA"));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String password = System.getenv("COFFER_METADATA_PASSWORD");
    Credential admin =
        Recovery.resetAdminSecret(
            data.path,
            new MetadataSettings(
                url, password == null || password.isEmpty() ? null : password, null));
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
