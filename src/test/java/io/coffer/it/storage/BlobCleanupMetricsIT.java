package io.coffer.it.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.MetadataSettings;
import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.it.support.PrometheusText;
import io.coffer.it.support.SdkClients;
import io.coffer.server.CofferServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * With PostgreSQL (several nodes sharing a volume), /metrics shows the blob clean-up: that this
 * node holds its lease, and the files of overwritten objects it deleted after the grace period.
 */
class BlobCleanupMetricsIT {
  Path dataDir;
  PostgresDatabase database;

  @AfterEach
  void cleanUp() throws Exception {
    CofferTestServer.deleteRecursively(dataDir);
    if (database != null) {
      database.close();
    }
  }

  @Test
  void releasedFilesDeletedByTheCleanUpAreCounted() throws Exception {
    database = PostgresDatabase.create();
    dataDir = Files.createTempDirectory("coffer-clean-up-metrics-");
    ServerConfig config =
        ServerConfig.forTests(dataDir)
            .withCredentials(
                CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY, CofferTestServer.API_KEY)
            .withMetadata(new MetadataSettings(database.url(), null, null, Duration.ofSeconds(1)));
    try (CofferServer server = CofferServer.start(config);
        S3Client s3 = SdkClients.admin(URI.create(server.s3Endpoint()))) {
      PrometheusText before = PrometheusText.scrape(server.consoleEndpoint());
      assertThat(before.value("coffer_background_lease_held", "work=\"blob-clean-up\""))
          .isEqualTo(1);
      s3.createBucket(b -> b.bucket("churn"));
      // Above the inline threshold, so each version is a file; each overwrite releases one.
      for (int i = 0; i < 3; i++) {
        s3.putObject(b -> b.bucket("churn").key("k"), RequestBody.fromBytes(new byte[100_000]));
      }
      double deleted = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (deleted < 2 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        deleted =
            PrometheusText.scrape(server.consoleEndpoint())
                .value("coffer_blob_cleanup_released_deleted_total");
      }
      assertThat(deleted - before.value("coffer_blob_cleanup_released_deleted_total"))
          .as("the two overwritten versions' files")
          .isEqualTo(2);
      PrometheusText after = PrometheusText.scrape(server.consoleEndpoint());
      assertThat(after.value("coffer_blob_cleanup_failed_runs_total")).isZero();
      assertThat(after.has("coffer_blob_cleanup_orphans_deleted_total")).isTrue();
    }
  }
}
