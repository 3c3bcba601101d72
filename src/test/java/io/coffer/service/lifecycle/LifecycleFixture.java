package io.coffer.service.lifecycle;

import io.coffer.blob.fs.FileBlobStore;
import io.coffer.crypto.BuiltInKeyService;
import io.coffer.crypto.SseRequest;
import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.EventName;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleRule;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import io.coffer.service.Access;
import io.coffer.service.AclRequest;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.IdentityService;
import io.coffer.service.MultipartService;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.ObjectLockService;
import io.coffer.service.ObjectService;
import io.coffer.service.PayloadChecks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real metadata store and blob store in a temporary directory, the services that write objects
 * into them as clients do, and a clock the test moves: the lifecycle worker tested without a
 * server.
 */
final class LifecycleFixture implements AutoCloseable {
  final Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final SqliteMetadataStore store;
  final FileBlobStore blobs;
  final BucketService buckets;
  final ObjectService objects;
  final MultipartService multipart;
  final ObjectLockService locks;
  final long ownerId;

  LifecycleFixture(Path dir) {
    this(dir, false);
  }

  /** With {@code sync}, every commit is fsynced, as in a server. */
  LifecycleFixture(Path dir, boolean sync) {
    try {
      this.dataDir = dir.resolve("data");
      Files.createDirectories(dataDir.resolve(".coffer"));
      this.store = SqliteMetadataStore.open(dataDir.resolve(".coffer/metadata.db"), sync);
      this.blobs = new FileBlobStore(dataDir, dataDir.resolve(".coffer/tmp"), sync);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    IdentityService identities = new IdentityService(store, clock);
    this.buckets =
        new BucketService(
            store,
            blobs,
            clock,
            "us-east-1",
            ObjectOwnership.OBJECT_WRITER,
            new Access(identities, clock));
    this.objects =
        new ObjectService(
            store, blobs, buckets, clock, 1 << 30, 0, new BuiltInKeyService(store, dataDir, null));
    this.multipart = new MultipartService(store, blobs, buckets, objects, clock);
    this.locks = new ObjectLockService(store, buckets, clock);
    this.ownerId =
        store.createCredential("AKIAOWNER00000000000", "secret", "owner", clock.instant()).id();
  }

  LifecycleWorker worker(Duration day) {
    return worker(day, 1000);
  }

  LifecycleWorker worker(Duration day, int batchSize) {
    LifecycleSettings s = LifecycleSettings.forDay(day);
    return new LifecycleWorker(
        store, blobs, clock, new LifecycleSettings(s.day(), s.interval(), batchSize, 4, 1_000_000));
  }

  Bucket bucket(String name, Versioning versioning, boolean objectLock) {
    Bucket b = buckets.create(Caller.ADMIN, name, ownerId, null, objectLock);
    if (versioning != null) {
      b = buckets.setVersioning(Caller.ADMIN, name, versioning);
    }
    return b;
  }

  void lifecycle(String bucket, LifecycleRule... rules) {
    Bucket b = store.findBucket(bucket).orElseThrow();
    store.setBucketLifecycle(bucket, b.id(), new LifecycleConfiguration(List.of(rules)));
  }

  ObjectMeta put(String bucket, String key, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return objects.put(
        Caller.ADMIN,
        bucket,
        key,
        new ObjectAttributes(null, Map.of(), Map.of()),
        new ByteArrayInputStream(bytes),
        bytes.length,
        PayloadChecks.NONE,
        WritePrecondition.NONE,
        ObjectLock.NONE,
        AclRequest.NONE,
        Map.of(),
        SseRequest.NONE,
        EventName.OBJECT_CREATED_PUT);
  }

  MultipartUpload upload(String bucket, String key) {
    MultipartUpload u =
        multipart.create(
            Caller.ADMIN,
            bucket,
            key,
            new ObjectAttributes(null, Map.of(), Map.of()),
            null,
            null,
            ObjectLock.NONE,
            AclRequest.NONE,
            Map.of(),
            SseRequest.NONE);
    byte[] part = "part".getBytes(StandardCharsets.UTF_8);
    multipart.uploadPart(
        Caller.ADMIN,
        bucket,
        key,
        u.uploadId(),
        1,
        new ByteArrayInputStream(part),
        part.length,
        PayloadChecks.NONE,
        null);
    return u;
  }

  /** The blob files under the bucket folders (not the metadata database or temporaries). */
  long blobFiles() {
    try (Stream<Path> files = Files.walk(dataDir.resolve("buckets"))) {
      return files.filter(Files::isRegularFile).count();
    } catch (java.nio.file.NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
