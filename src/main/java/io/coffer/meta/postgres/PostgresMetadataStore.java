package io.coffer.meta.postgres;

import io.coffer.meta.MetadataStore;
import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.FeatureColumns;
import io.coffer.meta.rows.Json;
import io.coffer.meta.rows.Keys;
import io.coffer.model.Acl;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketEncryption;
import io.coffer.model.BucketQuery;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.CompletedUpload;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.KeyVersion;
import io.coffer.model.LifecycleCheckpoint;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.MultipartUpload;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationTarget;
import io.coffer.model.ObjectEvent;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.OutboxEvent;
import io.coffer.model.OutboxStats;
import io.coffer.model.Part;
import io.coffer.model.PublicAccessBlock;
import io.coffer.model.ReleasedBlob;
import io.coffer.model.Segment;
import io.coffer.model.Stats;
import io.coffer.model.StoreChange;
import io.coffer.model.UploadListing;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@link MetadataStore} on PostgreSQL, for several stateless Coffer nodes sharing one database and
 * one blob volume. Every write is one transaction on a pooled connection ({@link Db}); whatever
 * must hold across nodes (conditional writes, version order, counters, leases) is decided by the
 * database, never by a lock in this process. The SQL lives in one class per table, as in the SQLite
 * store.
 *
 * <p>Object keys are {@code bytea}, their UTF-8 bytes, which PostgreSQL compares bytewise: S3's
 * listing order, and safe for every key S3 accepts (text cannot hold NUL). Bucket names are {@code
 * text COLLATE "C"}. The identity half (credentials, policies, groups, KMS keys, presigned URLs) is
 * in {@link PostgresIdentities}.
 */
public final class PostgresMetadataStore extends PostgresIdentities {
  private final String nodeId;
  private final ChangeFeed feed;
  private final BucketRefCache bucketRefs;

  private PostgresMetadataStore(Db db, String nodeId, ChangeFeed feed) {
    super(db);
    this.nodeId = nodeId;
    this.feed = feed;
    this.bucketRefs = new BucketRefCache(db.changes);
  }

  /**
   * Connects to the database (creating or migrating its schema).
   *
   * @param url {@code postgresql://user:password@host:port/db} or a {@code jdbc:postgresql:} URL
   * @param password used when the URL has none ({@code COFFER_METADATA_PASSWORD})
   * @param nodeId this node's identity (leases, logs)
   */
  public static PostgresMetadataStore open(String url, @Nullable String password, String nodeId) {
    return open(url, password, nodeId, ChangeFeed.BACKSTOP);
  }

  /** As {@link #open(String, String, String)}, with the change feed's backstop period (tests). */
  static PostgresMetadataStore open(
      String url, @Nullable String password, String nodeId, java.time.Duration backstop) {
    PostgresUrl where = PostgresUrl.parse(url, password);
    Db db = Db.connect(where, nodeId);
    try {
      Schema.migrate(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    ChangeFeed feed = new ChangeFeed(where, db, nodeId, backstop);
    feed.start();
    return new PostgresMetadataStore(db, nodeId, feed);
  }

  String nodeId() {
    return nodeId;
  }

  @Override
  public void close() {
    feed.close();
    NotificationStore.forgetListeners(db);
    db.close();
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
    return db.write(tx -> BucketSql.create(tx, name, ownerId, region, now, objectLock, access));
  }

  @Override
  public Bucket setBucketPolicy(String name, String id, @Nullable String policy) {
    return setColumn(name, id, BucketSql.SettingColumn.POLICY, policy);
  }

  @Override
  public Bucket setBucketAcl(String name, String id, @Nullable Acl acl) {
    return setColumn(name, id, BucketSql.SettingColumn.ACL, AccessColumns.encode(acl));
  }

  @Override
  public Bucket setObjectOwnership(String name, String id, @Nullable ObjectOwnership ownership) {
    return setColumn(
        name,
        id,
        BucketSql.SettingColumn.OBJECT_OWNERSHIP,
        ownership == null ? null : ownership.awsName());
  }

  @Override
  public boolean hasOwnershipControls(String name) {
    return db.read(tx -> BucketSql.hasOwnershipControls(tx, name));
  }

  @Override
  public Bucket setPublicAccessBlock(String name, String id, @Nullable PublicAccessBlock block) {
    return setColumn(
        name, id, BucketSql.SettingColumn.PUBLIC_ACCESS_BLOCK, AccessColumns.encode(block));
  }

  @Override
  public Bucket setBucketTags(String name, String id, Map<String, String> tags) {
    return setColumn(name, id, BucketSql.SettingColumn.TAGS, Json.encode(tags));
  }

  @Override
  public Bucket setBucketCors(String name, String id, @Nullable CorsConfiguration cors) {
    return setColumn(name, id, BucketSql.SettingColumn.CORS, FeatureColumns.encode(cors));
  }

  @Override
  public Bucket setBucketLifecycle(
      String name, String id, @Nullable LifecycleConfiguration lifecycle) {
    return setColumn(name, id, BucketSql.SettingColumn.LIFECYCLE, FeatureColumns.encode(lifecycle));
  }

  @Override
  public Bucket setBucketQuota(String name, String id, @Nullable Long quotaBytes) {
    return setColumn(name, id, BucketSql.SettingColumn.QUOTA_BYTES, quotaBytes);
  }

  @Override
  public Bucket setBucketEncryption(String name, String id, @Nullable BucketEncryption encryption) {
    return setColumn(
        name, id, BucketSql.SettingColumn.ENCRYPTION, FeatureColumns.encode(encryption));
  }

  private Bucket setColumn(
      String name, String id, BucketSql.SettingColumn column, @Nullable Object value) {
    return db.write(tx -> BucketSql.setColumn(tx, name, id, column, value));
  }

  @Override
  public Bucket setVersioning(String name, String id, Versioning versioning) {
    return db.write(tx -> BucketSql.setVersioning(tx, name, id, versioning));
  }

  @Override
  public Bucket setObjectLock(String name, String id, @Nullable DefaultRetention defaultRetention) {
    return db.write(tx -> BucketSql.setObjectLock(tx, name, id, defaultRetention));
  }

  @Override
  public Optional<Bucket> findBucket(String name) {
    return db.read(tx -> BucketSql.find(tx, name));
  }

  @Override
  public Optional<BucketRef> findBucketRef(String name) {
    return bucketRefs.get(name, () -> db.read(tx -> BucketSql.ref(tx, name)));
  }

  @Override
  public List<Part> deleteBucket(String name, String id) {
    return db.write(tx -> BucketSql.delete(tx, name, id));
  }

  // ---- objects ----

  @Override
  public Optional<ObjectMeta> findObject(String bucket, String key) {
    byte[] k = Keys.utf8(key);
    return db.read(tx -> ObjectSql.find(tx, bucket, k));
  }

  @Override
  public Optional<KeyVersion> findVersion(String bucket, String key, @Nullable String versionId) {
    byte[] k = Keys.utf8(key);
    // Most reads find the current version in one statement; otherwise a version may move between
    // the two tables meanwhile, so both are read in one snapshot.
    Optional<ObjectMeta> current = db.read(tx -> ObjectSql.find(tx, bucket, k));
    if (current.isPresent() && (versionId == null || current.get().versionId().equals(versionId))) {
      return Optional.of(current.get());
    }
    return db.readSnapshot(tx -> Versions.find(tx, bucket, k, versionId));
  }

  @Override
  public List<Segment> findSegments(String storageId) {
    return db.read(tx -> ObjectSql.segments(tx, storageId));
  }

  @Override
  public Written putObject(
      String bucketId,
      ObjectMeta object,
      WritePrecondition precondition,
      @Nullable EventDraft event) {
    WritePrecondition pre = precondition == null ? WritePrecondition.NONE : precondition;
    return db.write(tx -> ObjectSql.put(tx, bucketId, object, pre, event));
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
    WritePrecondition pre = precondition == null ? WritePrecondition.NONE : precondition;
    return db.write(
        tx ->
            ObjectDeletes.delete(
                tx, bucket, key, versionId, pre, markerVersionId, now, bypassGovernance, event));
  }

  @Override
  public ObjectMeta updateLock(
      String bucket, String key, @Nullable String versionId, UnaryOperator<ObjectLock> change) {
    return db.write(tx -> VersionSettings.updateLock(tx, bucket, key, versionId, change));
  }

  @Override
  public ObjectMeta setObjectAcl(
      String bucket, String key, @Nullable String versionId, @Nullable Acl acl) {
    return db.write(tx -> VersionSettings.setAcl(tx, bucket, key, versionId, acl));
  }

  @Override
  public ObjectMeta setObjectTags(
      String bucket,
      String key,
      @Nullable String versionId,
      Map<String, String> tags,
      @Nullable EventDraft event) {
    return db.write(tx -> VersionSettings.setTags(tx, bucket, key, versionId, tags, event));
  }

  @Override
  public void forEachReferencedBlob(Consumer<String> sink) {
    ReferencedBlobs.forEach(db, sink);
  }

  // ---- multipart uploads ----

  @Override
  public void createUpload(MultipartUpload upload) {
    db.writeVoid(tx -> UploadSql.create(tx, upload));
  }

  @Override
  public Optional<MultipartUpload> findUpload(String uploadId) {
    return db.read(tx -> UploadSql.find(tx, uploadId));
  }

  @Override
  public Optional<String> putPart(Part part) {
    return db.write(tx -> UploadSql.putPart(tx, part));
  }

  @Override
  public List<Part> listParts(String uploadId, int afterPartNumber, int maxParts) {
    return db.read(tx -> UploadSql.listParts(tx, uploadId, afterPartNumber, maxParts));
  }

  @Override
  public List<Part> abortUpload(String uploadId) {
    return db.write(tx -> UploadSql.abort(tx, uploadId));
  }

  @Override
  public Completed completeUpload(
      CompletedUpload completion,
      ObjectMeta object,
      List<Segment> segments,
      WritePrecondition precondition,
      Instant forgetBefore,
      @Nullable EventDraft event) {
    WritePrecondition pre = precondition == null ? WritePrecondition.NONE : precondition;
    List<Segment> segs = List.copyOf(segments);
    return db.write(
        tx -> UploadCompletion.complete(tx, completion, object, segs, pre, forgetBefore, event));
  }

  @Override
  public Optional<CompletedUpload> findCompletedUpload(String uploadId) {
    return db.read(tx -> UploadCompletion.findCompleted(tx, uploadId));
  }

  // ---- lifecycle sweeps ----

  @Override
  public Optional<LifecycleCheckpoint> findLifecycleCheckpoint(String bucketId) {
    return db.read(tx -> LifecycleProgressSql.find(tx, bucketId));
  }

  @Override
  public void saveLifecycleCheckpoint(LifecycleCheckpoint checkpoint) {
    db.writeVoid(tx -> LifecycleProgressSql.save(tx, checkpoint));
  }

  @Override
  public void clearLifecycleCheckpoint(String bucketId) {
    db.writeVoid(tx -> LifecycleProgressSql.clear(tx, bucketId));
  }

  // ---- event notifications ----

  @Override
  public Bucket setBucketNotification(
      String name,
      String id,
      @Nullable NotificationConfiguration configuration,
      @Nullable EventDraft testEvent) {
    NotificationStore.setBucketNotification(db, name, id, configuration, testEvent);
    return findBucket(name)
        .filter(b -> b.id().equals(id))
        .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_BUCKET));
  }

  @Override
  public void createNotificationTarget(NotificationTarget target) {
    NotificationStore.createTarget(db, target);
  }

  @Override
  public NotificationTarget updateNotificationTarget(String id, String config) {
    return NotificationStore.updateTarget(db, id, config);
  }

  @Override
  public void deleteNotificationTarget(String id) {
    NotificationStore.deleteTarget(db, id);
  }

  @Override
  public Optional<NotificationTarget> findNotificationTarget(String id) {
    return NotificationStore.findTarget(db, id);
  }

  @Override
  public List<NotificationTarget> listNotificationTargets() {
    return NotificationStore.listTargets(db);
  }

  @Override
  public List<String> bucketsNotifying(String targetId) {
    return NotificationStore.bucketsNotifying(db, targetId);
  }

  @Override
  public void setOutboxLimit(long eventsPerTarget) {
    NotificationStore.setOutboxLimit(db, eventsPerTarget);
  }

  @Override
  public List<OutboxEvent> queuedEvents(String targetId, int limit) {
    return NotificationStore.queuedEvents(db, targetId, limit);
  }

  @Override
  public void removeQueuedEvents(String targetId, List<Long> seqs) {
    NotificationStore.removeQueuedEvents(db, targetId, seqs);
  }

  @Override
  public OutboxStats outboxStats(String targetId) {
    return NotificationStore.outboxStats(db, targetId);
  }

  @Override
  public void setEventListener(@Nullable Consumer<ObjectEvent> listener) {
    NotificationStore.setEventListener(db, listener);
  }

  @Override
  public void setListenedBuckets(Set<String> buckets) {
    NotificationStore.setListenedBuckets(db, buckets);
  }

  /** The database (tests of this package). */
  Db db() {
    return db;
  }

  /** The store's own caches hear of every change through here (B's bucket references). */
  void subscribeToChanges(Consumer<StoreChange> cache) {
    db.changes.subscribe(cache);
  }

  // ---- several nodes (the PostgreSQL store; with SQLite this process is the only node) ----

  @Override
  public boolean holdLease(String name, String holder, java.time.Duration ttl) {
    return LeaseSql.hold(db, name, holder, ttl);
  }

  @Override
  public void releaseLease(String name, String holder) {
    LeaseSql.release(db, name, holder);
  }

  @Override
  public List<ReleasedBlob> releasedBlobs(Instant before, int limit) {
    return ReleasedBlobSql.releasedBefore(db, before, limit);
  }

  @Override
  public void forgetReleasedBlobs(List<ReleasedBlob> blobs) {
    ReleasedBlobSql.forget(db, blobs);
  }

  @Override
  public void setChangeListener(@Nullable Consumer<StoreChange> listener) {
    db.changes.setListener(listener); // (C)
  }

  // ---- listings ----

  @Override
  public List<Bucket> listBuckets() {
    return db.read(BucketListingSql::all);
  }

  @Override
  public List<Bucket> listBucketsOwnedBy(long ownerId) {
    return db.read(tx -> BucketListingSql.ownedBy(tx, ownerId));
  }

  @Override
  public List<Bucket> listBuckets(BucketQuery query) {
    return db.read(tx -> BucketListingSql.page(tx, query));
  }

  @Override
  public ListPage listObjects(ListQuery query) {
    return db.readSnapshot(tx -> ObjectListingSql.list(tx, query));
  }

  @Override
  public VersionPage listVersions(VersionQuery query) {
    return db.readSnapshot(tx -> VersionListingSql.list(tx, query));
  }

  @Override
  public UploadListing listUploads(
      String bucket,
      String prefix,
      @Nullable String delimiter,
      @Nullable String keyMarker,
      @Nullable String uploadIdMarker,
      int maxUploads) {
    return db.readSnapshot(
        tx ->
            UploadListingSql.list(
                tx, bucket, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads));
  }

  // ---- stats ----

  @Override
  public Stats stats(Instant now) {
    return db.readSnapshot(tx -> StatsSql.stats(tx, now));
  }

  @Override
  public long databaseSize() {
    return db.readSnapshot(
        tx ->
            Results.one(tx.ps("SELECT pg_database_size(current_database())"), rs -> rs.getLong(1))
                .orElse(0L));
  }
}
