package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.Credential;
import io.coffer.model.LegalHold;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Storage;
import io.coffer.model.StoredChecksum;
import io.coffer.model.UploadListing;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL listings answer exactly what the SQLite store's answer over the same rows:
 * objects, versions (current, noncurrent, delete markers, locks) and uploads are written through
 * the SQLite store, their rows copied into PostgreSQL, and random listings (prefixes, delimiters,
 * markers, page sizes, paged to the end) compared page by page. Keys mix multi-byte and
 * supplementary characters and NUL, whose UTF-8 order differs from UTF-16's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingAgreesWithSqliteTest {
  private static final List<String> TOKENS =
      List.of(
          "a", "b", "/", "/", "//", "é", "\uFF61", "😀", "€", " ", "+", ".", "~", "a/", "\u0000");
  private static final List<String> DELIMITERS = List.of("/", "//", "a", "😀", "/a", "é", ".");
  private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_123L);

  private final long seed = System.nanoTime();
  private final Random random = new Random(seed);
  private final List<String> keys = new ArrayList<>();
  private final List<String> versionIds = new ArrayList<>();
  private final List<String> uploadIds = new ArrayList<>();
  private SqliteMetadataStore sqlite;
  private PostgresDatabase database;
  private PostgresMetadataStore postgres;

  @BeforeAll
  void fill(@TempDir Path dir) throws Exception {
    database = PostgresDatabase.create();
    sqlite = SqliteMetadataStore.open(dir.resolve("meta.db"), false);
    Credential owner = sqlite.createCredential("AK", "SK", "owner", T0);
    Bucket plain = sqlite.createBucket("b", owner.id(), "r", T0, false);
    Bucket versioned = sqlite.createBucket("v", owner.id(), "r", T0, false);
    sqlite.setVersioning("v", versioned.id(), Versioning.ENABLED);
    for (int i = 0; i < 300; i++) {
      String key = randomKey();
      keys.add(key);
      sqlite.putObject(plain.id(), object("b", key, i, "null"), WritePrecondition.NONE, null);
    }
    for (int i = 0; i < 200; i++) {
      String key = i < 50 ? keys.get(i) : randomKey();
      int versions = 1 + random.nextInt(3);
      for (int v = 0; v < versions; v++) {
        String id = String.format("%032x", (long) i * 10 + v);
        versionIds.add(id);
        sqlite.putObject(
            versioned.id(), object("v", key, i * 10 + v, id), WritePrecondition.NONE, null);
      }
      if (random.nextInt(4) == 0) { // a delete marker on top
        String marker = String.format("m%031x", i);
        versionIds.add(marker);
        sqlite.deleteObject("v", key, null, WritePrecondition.NONE, marker, T0, false, null);
      }
    }
    for (int i = 0; i < 150; i++) {
      String key = i < 40 ? keys.get(i) : randomKey();
      for (int u = 0; u < 1 + random.nextInt(3); u++) {
        String id = "up-" + i + "-" + u;
        uploadIds.add(id);
        sqlite.createUpload(upload(id, key, i));
      }
    }
    postgres = PostgresMetadataStore.open(database.url(), null, "node-a");
    try (Connection c = database.connect()) {
      SqliteRowCopy.copy(
          dir.resolve("meta.db"), c, List.of("objects", "object_versions", "uploads"));
    }
  }

  @AfterAll
  void close() {
    if (postgres != null) {
      postgres.close();
    }
    if (sqlite != null) {
      sqlite.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void objectListingsAgree() {
    for (int q = 0; q < 150; q++) {
      String bucket = random.nextBoolean() ? "b" : "v";
      ListQuery query =
          new ListQuery(bucket, randomPrefix(), randomDelimiter(), randomMarker(), pageSize());
      for (int page = 0; page < 400; page++) {
        ListPage expected = sqlite.listObjects(query);
        assertThat(postgres.listObjects(query)).as("seed %d, %s", seed, query).isEqualTo(expected);
        if (!expected.truncated()) {
          break;
        }
        query =
            new ListQuery(
                bucket,
                query.prefix(),
                query.delimiter(),
                expected.lastReturned(),
                query.maxKeys());
      }
    }
  }

  @Test
  void versionListingsAgree() {
    for (int q = 0; q < 150; q++) {
      String versionMarker =
          random.nextInt(3) == 0 ? null : versionIds.get(random.nextInt(versionIds.size()));
      VersionQuery query =
          new VersionQuery(
              "v", randomPrefix(), randomDelimiter(), randomMarker(), versionMarker, pageSize());
      for (int page = 0; page < 400; page++) {
        VersionPage expected = sqlite.listVersions(query);
        assertThat(postgres.listVersions(query)).as("seed %d, %s", seed, query).isEqualTo(expected);
        if (!expected.truncated()) {
          break;
        }
        query =
            new VersionQuery(
                "v",
                query.prefix(),
                query.delimiter(),
                expected.nextKeyMarker(),
                expected.nextVersionIdMarker(),
                query.maxKeys());
      }
    }
  }

  @Test
  void uploadListingsAgree() {
    for (int q = 0; q < 150; q++) {
      String prefix = randomPrefix();
      String delimiter = randomDelimiter();
      String keyMarker = randomMarker();
      String idMarker =
          random.nextInt(3) == 0 ? null : uploadIds.get(random.nextInt(uploadIds.size()));
      int max = pageSize();
      for (int page = 0; page < 400; page++) {
        UploadListing expected =
            sqlite.listUploads("b", prefix, delimiter, keyMarker, idMarker, max);
        assertThat(postgres.listUploads("b", prefix, delimiter, keyMarker, idMarker, max))
            .as("seed %d, %s %s %s %s %d", seed, prefix, delimiter, keyMarker, idMarker, max)
            .isEqualTo(expected);
        if (!expected.truncated()) {
          break;
        }
        keyMarker = expected.nextKeyMarker();
        idMarker = expected.nextUploadIdMarker();
      }
    }
  }

  private String randomKey() {
    StringBuilder sb = new StringBuilder();
    int length = 1 + random.nextInt(6);
    for (int i = 0; i < length; i++) {
      sb.append(TOKENS.get(random.nextInt(TOKENS.size())));
    }
    return sb.toString();
  }

  /** Empty, a random token string, or the start of a stored key (so that it matches some). */
  private String randomPrefix() {
    return switch (random.nextInt(3)) {
      case 0 -> "";
      case 1 -> randomKey().substring(0, 1);
      default -> {
        String key = keys.get(random.nextInt(keys.size()));
        yield key.substring(0, random.nextInt(key.length() + 1));
      }
    };
  }

  private @Nullable String randomDelimiter() {
    return random.nextInt(4) == 0 ? null : DELIMITERS.get(random.nextInt(DELIMITERS.size()));
  }

  private @Nullable String randomMarker() {
    return switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> randomKey();
      default -> {
        String key = keys.get(random.nextInt(keys.size()));
        yield random.nextBoolean() ? key : key.substring(0, random.nextInt(key.length() + 1));
      }
    };
  }

  private int pageSize() {
    return switch (random.nextInt(4)) {
      case 0 -> 1000;
      case 1 -> 0;
      default -> 1 + random.nextInt(7);
    };
  }

  private ObjectMeta object(String bucket, String key, int n, String versionId) {
    StoredChecksum checksum =
        n % 3 == 0 ? new StoredChecksum("CRC32", "AAAAAA==", StoredChecksum.FULL_OBJECT) : null;
    Storage storage =
        n % 5 == 0 ? new Storage.Parts("s" + n, 1 + n % 4) : new Storage.Blob("blob-" + n);
    ObjectLock lock = n % 7 == 0 ? new ObjectLock(null, null, LegalHold.ON) : ObjectLock.NONE;
    return new ObjectMeta(
        bucket,
        key,
        n * 17L,
        "etag-" + n,
        "text/plain",
        Map.of("Cache-Control", "no-cache"),
        Map.of("n", Integer.toString(n)),
        checksum,
        T0.plusSeconds(n),
        T0.plusSeconds(n + 1),
        storage,
        versionId,
        lock,
        null,
        Map.of(),
        null);
  }

  private static MultipartUpload upload(String id, String key, int n) {
    return new MultipartUpload(
        id,
        "b",
        key,
        1,
        "text/plain",
        Map.of("Content-Language", "en"),
        Map.of("a", "b"),
        null,
        null,
        T0.plusSeconds(n),
        ObjectLock.NONE,
        null,
        Map.of(),
        null);
  }
}
