package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.blob.fs.FileBlobStore;
import io.coffer.crypto.BuiltInKeyService;
import io.coffer.crypto.DataKey;
import io.coffer.crypto.PackageFormat;
import io.coffer.crypto.SseRequest;
import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventName;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Storage;
import io.coffer.model.WritePrecondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted bodies through BodyWriter and ObjectService's read path: stored encrypted (inline and
 * in files), read back whole, by range and by part number, and never served when altered.
 */
class EncryptedObjectReadTest {
  private static final int INLINE = 1024;
  private static final int P = PackageFormat.PACKAGE_SIZE;

  @TempDir Path dir;
  private SqliteMetadataStore store;
  private FileBlobStore blobs;
  private ObjectService objects;
  private BuiltInKeyService keys;
  private Bucket bucket;

  @BeforeEach
  void open() throws IOException {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve(".coffer"));
    store = SqliteMetadataStore.open(data.resolve(".coffer/metadata.db"), false);
    blobs = new FileBlobStore(data, data.resolve(".coffer/tmp"), false);
    Clock clock = Clock.systemUTC();
    BucketService buckets =
        new BucketService(
            store,
            blobs,
            clock,
            "us-east-1",
            ObjectOwnership.OBJECT_WRITER,
            new Access(new IdentityService(store, clock), clock));
    keys = new BuiltInKeyService(store, data, null);
    objects = new ObjectService(store, blobs, buckets, clock, 1L << 30, INLINE, keys);
    long owner =
        store.createCredential("AKIAOWNER00000000000", "secret", "o", clock.instant()).id();
    bucket = buckets.create(Caller.ADMIN, "bkt", owner, null, false);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  @Test
  void encryptedObjectsReadBackWholeByRangeAndByPart() throws IOException {
    Random random = new Random(17);
    for (int size : new int[] {0, 1, 100, INLINE, INLINE + 1, P - 1, P, P + 1, 3 * P + 5}) {
      byte[] plain = bytes(size, random);
      for (SseRequest sse : List.of(new SseRequest.S3(), new SseRequest.Kms(null, null, false))) {
        ObjectMeta meta = put("k" + size, plain, sse);
        assertThat(meta.size()).isEqualTo(size);
        assertThat(meta.etag()).isEqualTo(md5Hex(plain));
        assertThat(meta.storage() instanceof Storage.Inline).isEqualTo(size <= INLINE);
        assertThat(read(meta.key(), null, null)).isEqualTo(plain);
        assertThat(read(meta.key(), null, 1)).isEqualTo(plain);
        for (int i = 0; i < 15 && size > 0; i++) {
          int a = random.nextInt(size);
          int b = a + random.nextInt(size - a);
          assertThat(read(meta.key(), new ByteRange(a, b, -1), null))
              .isEqualTo(Arrays.copyOfRange(plain, a, b + 1));
        }
        if (size > 0) {
          int suffix = 1 + random.nextInt(size);
          assertThat(read(meta.key(), new ByteRange(-1, -1, suffix), null))
              .isEqualTo(Arrays.copyOfRange(plain, size - suffix, size));
        }
      }
    }
  }

  @Test
  void neitherFilesNorInlineBodiesHoldThePlaintext() throws IOException {
    byte[] marker = "a plaintext marker that must not be on disk".getBytes();
    byte[] big = new byte[2 * P];
    System.arraycopy(marker, 0, big, P + 5, marker.length);
    ObjectMeta file = put("big", big, new SseRequest.S3());
    ObjectMeta inline = put("small", marker, new SseRequest.S3());
    Storage.Blob blob = (Storage.Blob) file.storage();
    byte[] stored = Files.readAllBytes(dir.resolve("data").resolve(path(blob.id())));
    assertThat(stored).hasSize((int) PackageFormat.storedSize(big.length));
    assertThat(contains(stored, marker)).isFalse();
    byte[] inlineStored = ((Storage.Inline) inline.storage()).bytes();
    assertThat(contains(inlineStored, marker)).isFalse();
    assertThat(read("small", null, null)).isEqualTo(marker);
  }

  @Test
  void anAlteredFileIsNeverServed() throws IOException {
    byte[] plain = bytes(3 * P, new Random(3));
    ObjectMeta meta = put("x", plain, new SseRequest.S3());
    Path file = dir.resolve("data").resolve(path(((Storage.Blob) meta.storage()).id()));
    byte[] stored = Files.readAllBytes(file);
    stored[(int) PackageFormat.storedSize(P) + 100] ^= 1; // in the second package
    Files.write(file, stored);
    // the first package still authenticates, the second fails: the stream breaks there
    assertThat(read("x", new ByteRange(0, P - 1, -1), null)).isEqualTo(Arrays.copyOf(plain, P));
    assertThatThrownBy(() -> read("x", null, null)).isInstanceOf(IOException.class);
    // a range starting in the altered package fails before anything is sent
    ObjectRead opened = open("x", new ByteRange(P + 1, P + 10, -1), null);
    assertThatThrownBy(opened::checkedStream)
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR));
    // truncated to a package boundary
    Files.write(file, Arrays.copyOf(stored, (int) PackageFormat.storedSize(2 * P) - 16));
    assertThatThrownBy(() -> read("x", new ByteRange(2 * P, 2 * P, -1), null))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aDisabledKmsKeyNeitherEncryptsNorDecrypts() throws IOException {
    keys.createKey("app");
    byte[] plain = bytes(5000, new Random(5));
    put("kms", plain, new SseRequest.Kms("app", null, false));
    keys.setEnabled("app", false);
    assertThatThrownBy(() -> read("kms", null, null))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KMS_DISABLED));
    assertThatThrownBy(() -> put("kms2", plain, new SseRequest.Kms("app", null, false)))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KMS_DISABLED));
    keys.setEnabled("app", true);
    assertThat(read("kms", null, null)).isEqualTo(plain);
  }

  @Test
  void multipartPartsAreEncryptedEachOnItsOwnAndReadAsOneObject() throws IOException {
    DataKey dataKey = keys.newDataKey(new SseRequest.S3());
    int[] sizes = {2 * P + 3, 1, P, 5000};
    Random random = new Random(11);
    List<String> ids = new java.util.ArrayList<>();
    java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
    for (int size : sizes) {
      byte[] part = bytes(size, random);
      whole.write(part);
      ids.add(
          objects
              .bodyWriter()
              .store(
                  bucket.id(),
                  new ByteArrayInputStream(part),
                  size,
                  1L << 30,
                  PayloadChecks.NONE,
                  "an-upload-id",
                  dataKey)
              .blobId());
    }
    byte[] plain = whole.toByteArray();
    ObjectMeta meta =
        ObjectMeta.written(
            "bkt",
            "mp",
            plain.length,
            "x-4",
            "a/b",
            Map.of(),
            Map.of(),
            null,
            objects.now(),
            new Storage.Parts("s", sizes.length));
    for (int i = 0; i < 30; i++) {
      int a = random.nextInt(plain.length);
      int b = a + random.nextInt(plain.length - a);
      // the slices openParts makes: a plaintext range of each part the range touches
      List<ObjectRead.Slice> slices = new java.util.ArrayList<>();
      List<String> leased = new java.util.ArrayList<>();
      long partStart = 0;
      for (int p = 0; p < sizes.length; p++) {
        long partEnd = partStart + sizes[p];
        if (partEnd > a && partStart <= b) {
          long from = Math.max(a, partStart) - partStart;
          long to = Math.min(b + 1L, partEnd) - partStart;
          slices.add(new ObjectRead.Slice(leased.size(), from, to - from, sizes[p]));
          leased.add(ids.get(p));
        }
        partStart = partEnd;
      }
      ObjectRead read =
          new ObjectRead(
              meta,
              new ByteRange.Resolved(a, b, plain.length),
              null,
              blobs.lease(bucket.id(), leased),
              slices,
              dataKey);
      try (InputStream in = read.checkedStream()) {
        assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(plain, a, b + 1));
      }
    }
  }

  private ObjectMeta put(String key, byte[] plain, SseRequest sse) {
    DataKey dataKey = keys.newDataKey(sse);
    StoredBody stored =
        objects
            .bodyWriter()
            .store(
                bucket.id(),
                new ByteArrayInputStream(plain),
                plain.length,
                1L << 30,
                PayloadChecks.NONE,
                null,
                dataKey);
    Storage storage =
        stored.blobId() != null
            ? new Storage.Blob(stored.blobId())
            : new Storage.Inline(Objects.requireNonNull(stored.inline()));
    ObjectMeta meta =
        ObjectMeta.written(
                "bkt",
                key,
                stored.size(),
                stored.md5Hex(),
                "application/octet-stream",
                Map.of(),
                Map.of(),
                null,
                objects.now(),
                storage)
            .withVersion(VersionIds.next())
            .withEncryption(dataKey.encryption());
    return objects.commit(
        bucket.id(),
        meta,
        WritePrecondition.NONE,
        stored.blobId() == null ? List.of() : List.of(stored.blobId()),
        EventDrafts.of(Caller.ADMIN, EventName.OBJECT_CREATED_PUT));
  }

  private ObjectRead open(String key, ByteRange range, Integer part) {
    return (ObjectRead)
        objects.read(Caller.ADMIN, "bkt", key, null, ReadConditions.NONE, range, part, null);
  }

  private byte[] read(String key, ByteRange range, Integer part) throws IOException {
    ObjectRead read = open(key, range, part);
    try (InputStream in = read.stream()) {
      byte[] bytes = in.readAllBytes();
      assertThat(bytes).hasSize((int) read.length());
      return bytes;
    }
  }

  private String path(String blobId) {
    return blobs.relativePath(bucket.id(), blobId);
  }

  private static byte[] bytes(int size, Random random) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String md5Hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(BodyWriter.digest("MD5").digest(bytes));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    return Stream.iterate(0, i -> i + 1)
        .limit(Math.max(0, haystack.length - needle.length + 1))
        .anyMatch(i -> Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length));
  }
}
