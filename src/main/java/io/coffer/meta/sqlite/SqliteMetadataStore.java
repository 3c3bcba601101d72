package io.coffer.meta.sqlite;

import io.coffer.meta.MetadataStore;
import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.FeatureColumns;
import io.coffer.meta.rows.Json;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.sqlite.BucketSql.SettingColumn;
import io.coffer.meta.sqlite.ObjectSql.ObjectRow;
import io.coffer.meta.sqlite.UploadSql.UploadRow;
import io.coffer.model.Acl;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketEncryption;
import io.coffer.model.BucketQuery;
import io.coffer.model.BucketRef;
import io.coffer.model.CompletedUpload;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.DefaultRetention;
import io.coffer.model.EventDraft;
import io.coffer.model.KeyVersion;
import io.coffer.model.KmsKey;
import io.coffer.model.LifecycleCheckpoint;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Part;
import io.coffer.model.PublicAccessBlock;
import io.coffer.model.Segment;
import io.coffer.model.Stats;
import io.coffer.model.UploadListing;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@link MetadataStore} on one SQLite database file (WAL mode). This class only decides where each
 * operation runs: writes on the single writer thread in group commits, reads on the reader threads
 * (see {@link SqliteWorkers}); credentials, policies and presigned URLs are in {@link
 * SqliteAccess}, event notifications in {@link SqliteNotifications}: the base classes it extends.
 * The SQL lives in one class per table ({@link CredentialSql}, {@link PolicySql}, {@link GroupSql},
 * {@link BucketSql}, {@link ObjectSql}, {@link UploadSql}, {@link KmsKeySql}, {@link
 * LifecycleProgressSql}, {@link PresignedUrlSql}, {@link CounterSql}, {@link NotificationSql},
 * {@link OutboxSql}). Values are encoded on the caller's thread, so the writer thread only binds
 * and executes.
 *
 * <p>Keys are stored as BLOBs of their UTF-8 bytes, so SQLite's memcmp ordering is S3's listing
 * order and prefix ranges are exact byte ranges.
 */
public final class SqliteMetadataStore extends SqliteAccess {
  /** What the cache of current objects may hold (a 4 KiB object's entry is about 5 KiB). */
  static final long OBJECT_CACHE_BYTES = 8L * 1024 * 1024;

  private final Path file;
  private final ObjectReadCache objects;

  private SqliteMetadataStore(Path file, boolean sync) {
    super(new SqliteWorkers("jdbc:sqlite:" + file.toAbsolutePath(), sync), new BucketOwners());
    this.file = file.toAbsolutePath();
    this.objects = new ObjectReadCache(workers.objectChanges(), OBJECT_CACHE_BYTES);
  }

  /**
   * Opens (creating or migrating) the database.
   *
   * @param syncEachCommit {@code synchronous=FULL}: every write is durable against power loss once
   *     it returns; otherwise {@code NORMAL} (durable against process crashes only)
   */
  public static SqliteMetadataStore open(Path databaseFile, boolean syncEachCommit) {
    return new SqliteMetadataStore(databaseFile, syncEachCommit);
  }

  /** How many SQL statements (not counting transaction control) the store has executed. */
  public long statementCount() {
    return workers.statementCount();
  }

  /** Every SQL text the store has prepared so far (for checking query plans in tests). */
  Set<String> preparedSql() {
    return workers.preparedSql();
  }

  @Override
  public void close() {
    workers.close();
  }

  // ---- buckets ----

  @Override
  public Bucket createBucket(
      String name,
      long ownerId,
      String region,
      Instant now,
      boolean objectLock,
      BucketAccess access) {
    try {
      return workers.write(
          c -> BucketSql.create(c, name, ownerId, region, now, objectLock, access));
    } finally {
      bucketOwners.changed(name);
    }
  }

  @Override
  public Bucket setBucketPolicy(String name, String id, @Nullable String policy) {
    return setColumn(name, id, SettingColumn.POLICY, policy);
  }

  @Override
  public Bucket setBucketAcl(String name, String id, @Nullable Acl acl) {
    return setColumn(name, id, SettingColumn.ACL, AccessColumns.encode(acl));
  }

  @Override
  public Bucket setObjectOwnership(String name, String id, @Nullable ObjectOwnership ownership) {
    return setColumn(
        name, id, SettingColumn.OBJECT_OWNERSHIP, ownership == null ? null : ownership.awsName());
  }

  @Override
  public boolean hasOwnershipControls(String name) {
    return workers.readPoint(c -> BucketSql.hasOwnershipControls(c, name));
  }

  @Override
  public Bucket setPublicAccessBlock(String name, String id, @Nullable PublicAccessBlock block) {
    return setColumn(name, id, SettingColumn.PUBLIC_ACCESS_BLOCK, AccessColumns.encode(block));
  }

  @Override
  public Bucket setBucketTags(String name, String id, Map<String, String> tags) {
    return setColumn(name, id, SettingColumn.TAGS, Json.encode(tags));
  }

  @Override
  public Bucket setBucketCors(String name, String id, @Nullable CorsConfiguration cors) {
    return setColumn(name, id, SettingColumn.CORS, FeatureColumns.encode(cors));
  }

  @Override
  public Bucket setBucketLifecycle(
      String name, String id, @Nullable LifecycleConfiguration lifecycle) {
    return setColumn(name, id, SettingColumn.LIFECYCLE, FeatureColumns.encode(lifecycle));
  }

  @Override
  public Bucket setBucketQuota(String name, String id, @Nullable Long quotaBytes) {
    return setColumn(name, id, SettingColumn.QUOTA_BYTES, quotaBytes);
  }

  @Override
  public Bucket setBucketEncryption(String name, String id, @Nullable BucketEncryption encryption) {
    return setColumn(name, id, SettingColumn.ENCRYPTION, FeatureColumns.encode(encryption));
  }

  private Bucket setColumn(String name, String id, SettingColumn column, @Nullable Object value) {
    try {
      return workers.write(c -> BucketSql.setColumn(c, name, id, column, value));
    } finally {
      bucketOwners.changed(name);
    }
  }

  @Override
  public Bucket setVersioning(String name, String id, Versioning versioning) {
    try {
      return workers.write(c -> BucketSql.setVersioning(c, name, id, versioning));
    } finally {
      bucketOwners.changed(name);
    }
  }

  @Override
  public Bucket setObjectLock(String name, String id, @Nullable DefaultRetention rule) {
    try {
      return workers.write(c -> BucketSql.setObjectLock(c, name, id, rule));
    } finally {
      bucketOwners.changed(name);
    }
  }

  @Override
  public Optional<Bucket> findBucket(String name) {
    return workers.readPoint(c -> BucketSql.find(c, name));
  }

  @Override
  public Optional<BucketRef> findBucketRef(String name) {
    return bucketOwners.get(name, b -> workers.readPoint(c -> BucketSql.ref(c, b)));
  }

  @Override
  public List<Bucket> listBuckets() {
    return workers.read(BucketSql::list);
  }

  @Override
  public List<Bucket> listBucketsOwnedBy(long ownerId) {
    return workers.read(c -> BucketSql.listOwnedBy(c, ownerId));
  }

  @Override
  public List<Bucket> listBuckets(BucketQuery query) {
    return workers.read(c -> BucketListingSql.page(c, query));
  }

  @Override
  public List<Part> deleteBucket(String name, String id) {
    try {
      return workers.write(c -> BucketSql.delete(c, name, id));
    } finally {
      bucketOwners.changed(name);
    }
  }

  // ---- objects ----

  @Override
  public boolean cachesObjects() {
    return true;
  }

  @Override
  public Optional<ObjectMeta> findObject(String bucket, String key) {
    byte[] k = Keys.utf8(key);
    return objects.find(bucket, key, k, () -> workers.readPoint(c -> ObjectSql.find(c, bucket, k)));
  }

  @Override
  public Optional<KeyVersion> findVersion(String bucket, String key, @Nullable String versionId) {
    byte[] k = Keys.utf8(key);
    return workers.readSnapshot(c -> Versions.find(c, bucket, k, versionId));
  }

  @Override
  public List<Segment> findSegments(String storageId) {
    return workers.readPoint(c -> ObjectSql.segments(c, storageId));
  }

  @Override
  public Written putObject(
      String bucketId,
      ObjectMeta object,
      WritePrecondition precondition,
      @Nullable EventDraft event) {
    ObjectRow row = ObjectRow.of(object);
    WritePrecondition pre = precondition == null ? WritePrecondition.NONE : precondition;
    return workers.write(c -> ObjectSql.put(c, bucketId, row, pre, event));
  }

  @Override
  public Deleted deleteObject(
      String bucket,
      String key,
      @Nullable String versionId,
      WritePrecondition precondition,
      String markerVersionId,
      Instant now,
      boolean bypassGovernance,
      @Nullable EventDraft event) {
    byte[] k = Keys.utf8(key);
    String ifMatch = precondition == null ? null : precondition.ifMatch();
    return workers.write(
        c ->
            ObjectSql.delete(
                c, bucket, k, versionId, ifMatch, markerVersionId, now, bypassGovernance, event));
  }

  @Override
  public ObjectMeta updateLock(
      String bucket, String key, @Nullable String versionId, UnaryOperator<ObjectLock> change) {
    byte[] k = Keys.utf8(key);
    return workers.write(c -> Versions.updateLock(c, bucket, k, versionId, change));
  }

  @Override
  public ObjectMeta setObjectAcl(
      String bucket, String key, @Nullable String versionId, @Nullable Acl acl) {
    byte[] k = Keys.utf8(key);
    return workers.write(c -> Versions.setAcl(c, bucket, k, versionId, acl));
  }

  @Override
  public ObjectMeta setObjectTags(
      String bucket,
      String key,
      @Nullable String versionId,
      Map<String, String> tags,
      @Nullable EventDraft event) {
    byte[] k = Keys.utf8(key);
    return workers.write(c -> Versions.setTags(c, bucket, k, versionId, tags, event));
  }

  @Override
  public VersionPage listVersions(VersionQuery query) {
    return workers.readSnapshot(c -> VersionListingSql.list(c, query));
  }

  @Override
  public ListPage listObjects(ListQuery query) {
    return workers.readSnapshot(c -> ObjectSql.list(c, query));
  }

  @Override
  public void forEachReferencedBlob(Consumer<String> sink) {
    ReferencedBlobs.forEach(workers, sink);
  }

  // ---- multipart uploads ----

  @Override
  public void createUpload(MultipartUpload upload) {
    UploadRow row = UploadRow.of(upload);
    workers.writeVoid(c -> UploadSql.create(c, row));
  }

  @Override
  public Optional<MultipartUpload> findUpload(String uploadId) {
    return workers.read(c -> UploadSql.find(c, uploadId));
  }

  @Override
  public Optional<String> putPart(Part part) {
    return workers.write(c -> UploadSql.putPart(c, part));
  }

  @Override
  public List<Part> listParts(String uploadId, int afterPartNumber, int maxParts) {
    if (maxParts <= 0) {
      return List.of();
    }
    return workers.read(c -> UploadSql.listParts(c, uploadId, afterPartNumber, maxParts));
  }

  @Override
  public UploadListing listUploads(
      String bucket,
      String prefix,
      @Nullable String delimiter,
      @Nullable String keyMarker,
      @Nullable String uploadIdMarker,
      int maxUploads) {
    return workers.readSnapshot(
        c ->
            UploadListingSql.list(
                c, bucket, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads));
  }

  @Override
  public List<Part> abortUpload(String uploadId) {
    return workers.write(c -> UploadSql.abort(c, uploadId));
  }

  @Override
  public Completed completeUpload(
      CompletedUpload completion,
      ObjectMeta object,
      List<Segment> segments,
      WritePrecondition precondition,
      Instant forgetBefore,
      @Nullable EventDraft event) {
    ObjectRow row = ObjectRow.of(object);
    WritePrecondition pre = precondition == null ? WritePrecondition.NONE : precondition;
    List<Segment> segs = List.copyOf(segments);
    return workers.write(
        c -> UploadSql.complete(c, completion, row, segs, pre, forgetBefore, event));
  }

  @Override
  public Optional<CompletedUpload> findCompletedUpload(String uploadId) {
    return workers.readPoint(c -> UploadSql.findCompleted(c, uploadId));
  }

  // ---- KMS keys ----

  @Override
  public void createKmsKey(KmsKey key) {
    workers.writeVoid(c -> KmsKeySql.create(c, key));
  }

  @Override
  public List<KmsKey> listKmsKeys() {
    return workers.read(KmsKeySql::list);
  }

  @Override
  public Optional<KmsKey> findKmsKey(String name) {
    return workers.readPoint(c -> KmsKeySql.find(c, name));
  }

  @Override
  public Optional<KmsKey> setKmsKeyEnabled(String name, boolean enabled) {
    return workers.write(c -> KmsKeySql.setEnabled(c, name, enabled));
  }

  @Override
  public Optional<KmsKey> resealKmsKey(KmsKey expected, String masterKeyId, byte[] sealedMaterial) {
    return workers.write(c -> KmsKeySql.reseal(c, expected, masterKeyId, sealedMaterial));
  }

  // ---- lifecycle sweeps ----

  @Override
  public Optional<LifecycleCheckpoint> findLifecycleCheckpoint(String bucketId) {
    return workers.readPoint(c -> LifecycleProgressSql.find(c, bucketId));
  }

  @Override
  public void saveLifecycleCheckpoint(LifecycleCheckpoint checkpoint) {
    workers.writeVoid(c -> LifecycleProgressSql.save(c, checkpoint));
  }

  @Override
  public void clearLifecycleCheckpoint(String bucketId) {
    workers.writeVoid(c -> LifecycleProgressSql.clear(c, bucketId));
  }

  // ---- stats ----

  @Override
  public Stats stats(Instant now) {
    return workers.readSnapshot(c -> CounterSql.stats(c, now));
  }

  @Override
  public long databaseSize() {
    long total = 0;
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path part = file.resolveSibling(file.getFileName() + suffix);
      try {
        total += Files.size(part);
      } catch (NoSuchFileException absent) {
        // no write-ahead log (yet, or after a checkpoint on close)
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }
}
