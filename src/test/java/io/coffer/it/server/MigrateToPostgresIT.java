package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.config.MetadataSettings;
import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.postgres.SqliteCopy;
import io.coffer.model.CofferException;
import io.coffer.server.Migration;
import io.coffer.server.StartupException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import tools.jackson.databind.JsonNode;

/**
 * {@code coffer migrate}: a server on SQLite filled through the S3 and management APIs, stopped,
 * migrated, and started on PostgreSQL on the same data directory serves everything it held: objects
 * (inline and in files), versions and delete markers, tags, an upload in progress, credentials,
 * policies and notification configuration; new writes go on from there.
 */
class MigrateToPostgresIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer().onSqlite();
  static final Api API = new Api(SERVER);

  @Test
  void aMigratedStoreServesEverythingFromPostgres() throws Exception {
    // ---- fill the SQLite store ----
    S3Client s3 = SERVER.s3();
    s3.createBucket(b -> b.bucket("plain"));
    s3.createBucket(b -> b.bucket("versioned"));
    byte[] small = "small body".getBytes(StandardCharsets.UTF_8);
    byte[] big = new byte[300 * 1024];
    new Random(7).nextBytes(big);
    s3.putObject(
        b -> b.bucket("plain").key("dir/small.txt").tagging("team=blue"),
        RequestBody.fromBytes(small));
    s3.putObject(b -> b.bucket("plain").key("big.bin"), RequestBody.fromBytes(big));
    s3.putBucketVersioning(
        b ->
            b.bucket("versioned")
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    String v1 =
        s3.putObject(b -> b.bucket("versioned").key("doc"), RequestBody.fromString("one"))
            .versionId();
    s3.putObject(b -> b.bucket("versioned").key("doc"), RequestBody.fromString("two"));
    s3.putObject(b -> b.bucket("versioned").key("gone"), RequestBody.fromString("x"));
    s3.deleteObject(b -> b.bucket("versioned").key("gone"));
    String uploadId = s3.createMultipartUpload(b -> b.bucket("plain").key("parts.bin")).uploadId();
    byte[] part = new byte[2048];
    new Random(9).nextBytes(part);
    String partEtag =
        s3.uploadPart(
                b -> b.bucket("plain").key("parts.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part))
            .eTag();
    JsonNode carol = API.post("/credentials", "{\"user_name\": \"carol\"}").json();
    String readers =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " [\"s3:GetObject\"], \"Resource\": \"arn:aws:s3:::plain/*\"}]}";
    assertThat(
            API.post("/policies", "{\"name\": \"readers\", \"document\": " + readers + "}")
                .status())
        .isEqualTo(201);
    assertThat(
            API.post(
                    "/notification-targets",
                    Api.json(
                        Map.of(
                            "id",
                            "hook",
                            "type",
                            "webhook",
                            "config",
                            Map.of("endpoint", "http://127.0.0.1:9/hook"))))
                .status())
        .isEqualTo(201);
    assertThat(
            API.put(
                    "/buckets/plain/notification",
                    "{\"rules\": [{\"id\": \"uploads\", \"target_arn\":"
                        + " \"arn:coffer:sqs::hook:webhook\", \"events\":"
                        + " [\"s3:ObjectCreated:*\"], \"prefix\": \"in/\"}]}")
                .status())
        .isEqualTo(200);
    ListObjectVersionsResponse versionsBefore = s3.listObjectVersions(b -> b.bucket("versioned"));
    SERVER.stop();

    try (PostgresDatabase database = PostgresDatabase.create()) {
      // ---- migrate ----
      List<String> progress = new ArrayList<>();
      List<Migration.Verified> counts =
          Migration.toPostgres(SERVER.dataDir(), database.url(), null, progress::add);
      assertThat(progress).anyMatch(l -> l.startsWith("Copied objects: 3 rows"));
      assertThat(progress).anyMatch(l -> l.startsWith("Copied object_versions: "));
      assertThat(counts).allMatch(c -> c.sqlite() == c.postgres());
      assertThat(counts)
          .extracting(Migration.Verified::table)
          .contains(
              "credentials",
              "buckets",
              "objects",
              "object_versions",
              "uploads",
              "parts",
              "policies",
              "notification_targets",
              "notification_rules");
      assertThat(counts)
          .filteredOn(c -> c.table().equals("parts"))
          .singleElement()
          .extracting(Migration.Verified::postgres)
          .isEqualTo(1L);
      // once is enough: the directory is PostgreSQL's now, and the database is not empty
      assertThatThrownBy(
              () -> Migration.toPostgres(SERVER.dataDir(), database.url(), null, l -> {}))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("in PostgreSQL already");
      assertThatThrownBy(
              () ->
                  SqliteCopy.copy(
                      SERVER.dataDir().resolve(".coffer").resolve("metadata.db"),
                      database.url(),
                      null,
                      l -> {}))
          .isInstanceOf(CofferException.class)
          .hasMessageContaining("not empty");

      // ---- start on PostgreSQL, same data directory, and read everything back ----
      SERVER.restart(c -> c.withMetadata(new MetadataSettings(database.url(), null, "migrated-1")));
      s3 = SERVER.s3();
      assertThat(s3.getObjectAsBytes(b -> b.bucket("plain").key("dir/small.txt")).asByteArray())
          .isEqualTo(small);
      assertThat(s3.getObjectAsBytes(b -> b.bucket("plain").key("big.bin")).asByteArray())
          .isEqualTo(big);
      assertThat(s3.getObjectTagging(b -> b.bucket("plain").key("dir/small.txt")).tagSet())
          .singleElement()
          .satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=blue"));
      ListObjectVersionsResponse versionsAfter = s3.listObjectVersions(b -> b.bucket("versioned"));
      assertThat(versionsAfter.versions())
          .extracting(ObjectVersion::key, ObjectVersion::versionId, ObjectVersion::isLatest)
          .containsExactlyElementsOf(
              versionsBefore.versions().stream()
                  .map(
                      v ->
                          org.assertj.core.groups.Tuple.tuple(v.key(), v.versionId(), v.isLatest()))
                  .toList());
      assertThat(versionsAfter.deleteMarkers()).hasSize(1);
      assertThat(versionsAfter.deleteMarkers().getFirst().versionId())
          .isEqualTo(versionsBefore.deleteMarkers().getFirst().versionId());
      assertThat(
              s3.getObjectAsBytes(b -> b.bucket("versioned").key("doc").versionId(v1))
                  .asUtf8String())
          .isEqualTo("one");
      assertThat(s3.getObjectAsBytes(b -> b.bucket("versioned").key("doc")).asUtf8String())
          .isEqualTo("two");

      // the upload goes on where it was
      assertThat(s3.listMultipartUploads(b -> b.bucket("plain")).uploads())
          .singleElement()
          .satisfies(u -> assertThat(u.uploadId()).isEqualTo(uploadId));
      assertThat(s3.listParts(b -> b.bucket("plain").key("parts.bin").uploadId(uploadId)).parts())
          .singleElement()
          .satisfies(p -> assertThat(p.eTag()).isEqualTo(partEtag));
      s3.completeMultipartUpload(
          b ->
              b.bucket("plain")
                  .key("parts.bin")
                  .uploadId(uploadId)
                  .multipartUpload(
                      m -> m.parts(CompletedPart.builder().partNumber(1).eTag(partEtag).build())));
      assertThat(s3.getObjectAsBytes(b -> b.bucket("plain").key("parts.bin")).asByteArray())
          .isEqualTo(part);

      // credentials, policies and notification configuration
      try (S3Client asCarol =
          SERVER.client(carol.get("access_key").asString(), carol.get("secret_key").asString())) {
        assertThat(asCarol.listBuckets().buckets()).isEmpty();
      }
      assertThat(API.get("/policies/readers").json().get("document").toString())
          .contains("arn:aws:s3:::plain/*");
      assertThat(API.get("/buckets/plain/notification").json().get("rules").toString())
          .contains("uploads")
          .contains("in/");

      // new writes get new identities: a new credential's ID is past every migrated one
      long carolId = carol.get("id").asLong();
      assertThat(API.post("/credentials", "{\"user_name\": \"dave\"}").json().get("id").asLong())
          .isGreaterThan(carolId);
      s3.putObject(b -> b.bucket("plain").key("after.txt"), RequestBody.fromString("after"));
      assertThat(s3.listObjectsV2(b -> b.bucket("plain")).keyCount()).isEqualTo(4);
      SERVER.stop();
    }
  }
}
