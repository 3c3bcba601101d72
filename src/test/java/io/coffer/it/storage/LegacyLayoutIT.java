package io.coffer.it.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SdkClients;
import io.coffer.it.support.StoredFiles;
import io.coffer.meta.sqlite.SchemaDowngrade;
import io.coffer.server.CofferServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The data directory format is a contract: a data directory written before bucket IDs (schema
 * version 2, blobs under {@code <data>/<bucket name>/objects/ab/cd/<id>}) is upgraded at start-up,
 * and an upgrade a kill interrupted resumes at the next start, losing nothing.
 */
class LegacyLayoutIT {
  static final int MIB = 1024 * 1024;
  Path dataDir;

  @AfterEach
  void cleanUp() throws Exception {
    CofferTestServer.deleteRecursively(dataDir);
  }

  CofferServer start() throws Exception {
    return CofferServer.start(
        ServerConfig.forTests(dataDir)
            .withCredentials(
                CofferTestServer.ACCESS_KEY,
                CofferTestServer.SECRET_KEY,
                CofferTestServer.API_KEY));
  }

  static S3Client client(CofferServer server) {
    return SdkClients.admin(URI.create(server.s3Endpoint()));
  }

  @Test
  void everyObjectReadsBackAfterTheUpgrade() throws Exception {
    Fixture fixture = writeFixture();
    toVersionTwo(true, 1.0);
    assertThat(StoredFiles.children(dataDir.resolve("buckets")))
        .as("only the old folder of the bucket named buckets")
        .containsExactly(dataDir.resolve("buckets/objects"));

    fixture.assertUpgraded();
  }

  @Test
  void anUpgradeInterruptedByAKillResumesAndLosesNothing() throws Exception {
    Fixture fixture = writeFixture();
    // A kill after the metadata migration committed the bucket IDs and after some files moved.
    toVersionTwo(false, 0.5);

    fixture.assertUpgraded();
  }

  /** Objects of every storage kind in two buckets, one of them named like the new root folder. */
  Fixture writeFixture() throws Exception {
    dataDir = Files.createTempDirectory("coffer-legacy-");
    Fixture fixture = new Fixture();
    try (CofferServer server = start();
        S3Client s3 = client(server)) {
      for (String bucket : List.of("photos", "buckets")) {
        s3.createBucket(b -> b.bucket(bucket));
        fixture.put(s3, bucket, "big", random(300_000, 1));
        fixture.put(s3, bucket, "dir/small", random(70_000, 2));
        fixture.put(s3, bucket, "inline", random(100, 3));
        byte[] first = random(5 * MIB, 4);
        byte[] last = random(1000, 5);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("multi")).uploadId();
        String e1 =
            s3.uploadPart(
                    b -> b.bucket(bucket).key("multi").uploadId(uploadId).partNumber(1),
                    RequestBody.fromBytes(first))
                .eTag();
        String e2 =
            s3.uploadPart(
                    b -> b.bucket(bucket).key("multi").uploadId(uploadId).partNumber(2),
                    RequestBody.fromBytes(last))
                .eTag();
        s3.completeMultipartUpload(
            b ->
                b.bucket(bucket)
                    .key("multi")
                    .uploadId(uploadId)
                    .multipartUpload(
                        m ->
                            m.parts(
                                CompletedPart.builder().partNumber(1).eTag(e1).build(),
                                CompletedPart.builder().partNumber(2).eTag(e2).build())));
        byte[] whole = new byte[first.length + last.length];
        System.arraycopy(first, 0, whole, 0, first.length);
        System.arraycopy(last, 0, whole, first.length, last.length);
        fixture.objects.put(bucket + "/multi", whole);
        // an upload still in progress keeps its part across the upgrade
        String open = s3.createMultipartUpload(b -> b.bucket(bucket).key("open")).uploadId();
        byte[] part = random(2000, 6);
        s3.uploadPart(
            b -> b.bucket(bucket).key("open").uploadId(open).partNumber(1),
            RequestBody.fromBytes(part));
        fixture.openUploads.put(bucket, open);
        fixture.objects.put(bucket + "/open", part);
      }
    }
    return fixture;
  }

  /**
   * Rewrites the data directory as a version 2 server left it: blobs moved (all, or a share) to
   * {@code <name>/objects/ab/cd/<id>}, and with {@code dropIds} the buckets' ID column gone; plus
   * the folder of a bucket whose deletion a crash interrupted.
   */
  void toVersionTwo(boolean dropIds, double share) throws Exception {
    Map<String, String> ids = new HashMap<>();
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(".coffer/metadata.db"));
        Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT name, id FROM buckets")) {
        while (rs.next()) {
          ids.put(rs.getString(2), rs.getString(1));
        }
      }
      if (dropIds) {
        SchemaDowngrade.toVersion4(s);
        s.execute("DROP INDEX buckets_by_id");
        s.execute("ALTER TABLE buckets DROP COLUMN id");
        s.execute("DROP TABLE completed_uploads"); // version 4's
        s.execute("PRAGMA user_version = 2");
      }
    }
    int moved = 0;
    for (Path bucketDir : StoredFiles.children(dataDir.resolve("buckets"))) {
      String name = ids.get(bucketDir.getFileName().toString());
      List<Path> files = StoredFiles.files(bucketDir);
      assertThat(files).isNotEmpty();
      int count = (int) Math.ceil(files.size() * share);
      for (Path file : files.subList(0, count)) {
        Path legacy = dataDir.resolve(name).resolve("objects").resolve(bucketDir.relativize(file));
        Files.createDirectories(legacy.getParent());
        Files.move(file, legacy);
        moved++;
      }
    }
    if (dropIds) {
      for (Path bucketDir : StoredFiles.children(dataDir.resolve("buckets"))) {
        if (ids.containsKey(
            bucketDir.getFileName().toString())) { // not the old folder of bucket "buckets"
          CofferTestServer.deleteRecursively(bucketDir);
        }
      }
      if (!Files.exists(dataDir.resolve("buckets/objects"))) {
        Files.delete(dataDir.resolve("buckets"));
      }
    }
    assertThat(moved).isGreaterThan(0);
    Path deleted = dataDir.resolve("deleted-bucket/objects/ab/cd/abcd0123456789abcdef0123456789ab");
    Files.createDirectories(deleted.getParent());
    Files.write(deleted, random(10, 7));
  }

  final class Fixture {
    final Map<String, byte[]> objects = new LinkedHashMap<>();
    final Map<String, String> openUploads = new HashMap<>();

    void put(S3Client s3, String bucket, String key, byte[] body) {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
      objects.put(bucket + "/" + key, body);
    }

    void assertUpgraded() throws Exception {
      try (CofferServer server = start();
          S3Client s3 = client(server)) {
        assertReadBack(s3);
        for (String bucket : List.of("photos", "buckets")) {
          assertThat(dataDir.resolve(bucket).resolve("objects"))
              .as("old folder of " + bucket)
              .doesNotExist();
        }
        assertThat(dataDir.resolve("photos")).doesNotExist();
        assertThat(dataDir.resolve("deleted-bucket"))
            .as("a deleted bucket's old folder")
            .doesNotExist();
        assertThat(StoredFiles.children(dataDir.resolve("buckets")))
            .hasSize(2)
            .allMatch(p -> p.getFileName().toString().matches("[0-9a-f]{32}"));
      }
      // and again after another restart, with the in-progress uploads completed now
      try (CofferServer server = start();
          S3Client s3 = client(server)) {
        assertReadBack(s3);
        for (Map.Entry<String, String> upload : openUploads.entrySet()) {
          String bucket = upload.getKey();
          String etag =
              s3.listParts(b -> b.bucket(bucket).key("open").uploadId(upload.getValue()))
                  .parts()
                  .get(0)
                  .eTag();
          s3.completeMultipartUpload(
              b ->
                  b.bucket(bucket)
                      .key("open")
                      .uploadId(upload.getValue())
                      .multipartUpload(
                          m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
          assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("open")).asByteArray())
              .isEqualTo(objects.get(bucket + "/open"));
        }
      }
    }

    void assertReadBack(S3Client s3) {
      for (Map.Entry<String, byte[]> e : objects.entrySet()) {
        String[] bucketAndKey = e.getKey().split("/", 2);
        if (bucketAndKey[1].equals("open")) {
          continue;
        }
        assertThat(
                s3.getObjectAsBytes(b -> b.bucket(bucketAndKey[0]).key(bucketAndKey[1]))
                    .asByteArray())
            .as(e.getKey())
            .isEqualTo(e.getValue());
      }
    }
  }

  static byte[] random(int size, int seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
