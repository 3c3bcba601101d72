package io.coffer.server;

import io.coffer.config.MetadataSettings;
import io.coffer.meta.MetadataStore;
import io.coffer.meta.postgres.PostgresMetadataStore;
import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.Credential;
import io.coffer.service.ApiKeys;
import io.coffer.service.CredentialService;
import io.coffer.service.SecretGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Gives back access to a data directory whose generated secrets were lost (never shown, or not
 * written down): a new management API key, a new admin secret. Each holds the data directory's lock
 * while it works, so it refuses to run beside a server.
 */
public final class Recovery {
  private Recovery() {}

  /** Replaces the stored management API key hash; returns the new key, to be shown once. */
  public static String resetApiKey(Path dataDir) throws IOException {
    try (DataDirectoryLock held = DataDirectoryLock.acquireExisting(dataDir)) {
      return ApiKeys.replace(internal(dataDir).resolve(Startup.API_KEY_FILE));
    }
  }

  /**
   * Gives the credential of user {@code admin} a new secret and makes it active (its access key,
   * buckets and ID stay), or creates that credential when there is none; returns it with its
   * secret, to be shown once.
   */
  public static Credential resetAdminSecret(Path dataDir, MetadataSettings where)
      throws IOException {
    if (!where.postgres() && NodeLock.usedByNodes(dataDir)) {
      // Opening SQLite here would create an empty database beside the nodes' real one.
      throw new StartupException(
          "The metadata of "
              + dataDir
              + " is in PostgreSQL: give --metadata with that database's URL (or"
              + " COFFER_METADATA).");
    }
    try (DataDirectoryLock held = DataDirectoryLock.acquireExisting(dataDir);
        MetadataStore metadata = open(dataDir, where)) {
      CredentialService credentials = new CredentialService(metadata, Clock.systemUTC());
      Credential admin = Startup.findAdmin(credentials);
      return admin == null
          ? credentials.create(Startup.ADMIN_USER, null, null)
          : credentials.ensure(admin.accessKey(), SecretGenerator.secretKey(), Startup.ADMIN_USER);
    }
  }

  private static MetadataStore open(Path dataDir, MetadataSettings where) {
    if (where.postgres()) {
      return PostgresMetadataStore.open(
          Objects.requireNonNull(where.url()), where.password(), "reset-admin-secret");
    }
    return SqliteMetadataStore.open(internal(dataDir).resolve("metadata.db"), true);
  }

  private static Path internal(Path dataDir) {
    return dataDir.toAbsolutePath().normalize().resolve(".coffer");
  }
}
