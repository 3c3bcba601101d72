package io.coffer.meta.postgres;

import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.FeatureColumns;
import io.coffer.meta.rows.Rows;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketFeatures;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ErrorCode;
import io.coffer.model.Part;
import io.coffer.model.StoreChange;
import io.coffer.model.Versioning;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The buckets table. A write to a bucket's objects reads the bucket row {@code FOR SHARE} ({@link
 * #lock}), and a change of the bucket's versioning or its deletion takes the row for update: so a
 * bucket cannot be deleted, nor its versioning changed, under a write on another node.
 */
final class BucketSql {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The columns of SQLite's {@code Rows.BUCKET_COLUMNS} in its order, so that {@link Rows#bucket}
   * maps them; the object count and size are the sums of the bucket's counter stripes.
   */
  static final String BUCKET_COLUMNS =
      "name, id, owner_id, region, created_at, "
          + CounterSql.objectsOf("buckets.id")
          + ", "
          + CounterSql.bytesOf("buckets.id")
          + ", versioning, object_lock::int, lock_default_mode, lock_default_days,"
          + " lock_default_years, "
          + AccessColumns.BUCKET_ACCESS_COLUMNS
          + ", "
          + FeatureColumns.BUCKET_FEATURE_COLUMNS;

  private BucketSql() {}

  static Bucket create(
      Tx tx,
      String name,
      long ownerId,
      String region,
      Instant now,
      boolean objectLock,
      BucketAccess access)
      throws SQLException {
    Optional<Bucket> existing = find(tx, name);
    if (existing.isPresent()) {
      throw alreadyExists(existing.get(), ownerId);
    }
    requireCredential(tx, ownerId);
    String id = newId();
    // object lock needs versioning, enabled for good
    Versioning versioning = objectLock ? Versioning.ENABLED : Versioning.UNVERSIONED;
    // ON CONFLICT: two nodes creating one name at once; the loser waits for the winner's commit
    // and then finds its row.
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO buckets (name, id, owner_id, region, created_at, versioning, object_lock, "
                + AccessColumns.BUCKET_ACCESS_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING");
    ins.setString(1, name);
    ins.setString(2, id);
    ins.setLong(3, ownerId);
    ins.setString(4, region);
    ins.setLong(5, now.toEpochMilli());
    ins.setString(6, versioning.status());
    ins.setBoolean(7, objectLock);
    ins.setString(8, access.policy());
    ins.setString(9, AccessColumns.encode(access.acl()));
    ins.setString(10, access.ownership().awsName());
    ins.setString(11, AccessColumns.encode(access.publicAccessBlock()));
    if (ins.executeUpdate() == 0) {
      Optional<Bucket> winner = find(tx, name);
      if (winner.isEmpty()) {
        // created and deleted again meanwhile: as a serialization failure, Db runs this again
        throw new SQLException("bucket " + name + " created and deleted meanwhile", "40001");
      }
      throw alreadyExists(winner.get(), ownerId);
    }
    CounterSql.add(tx, CounterSql.Counter.BUCKETS, 1);
    changed(tx, name);
    return new Bucket(
        name,
        id,
        ownerId,
        region,
        Instant.ofEpochMilli(now.toEpochMilli()),
        0,
        0,
        versioning,
        objectLock,
        null,
        access,
        BucketFeatures.NONE);
  }

  private static CofferException alreadyExists(Bucket existing, long ownerId) {
    return new CofferException(
        existing.ownerId() == ownerId
            ? ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU
            : ErrorCode.BUCKET_ALREADY_EXISTS);
  }

  /** NO_SUCH_CREDENTIAL unless the owner exists (as SQLite's CredentialSql.requireAccessKey). */
  private static void requireCredential(Tx tx, long ownerId) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT 1 FROM credentials WHERE id = ? FOR SHARE");
    ps.setLong(1, ownerId);
    if (!Rows.exists(ps)) {
      throw new CofferException(ErrorCode.NO_SUCH_CREDENTIAL);
    }
  }

  /** The settings columns a writer may set one at a time (see {@link #setColumn}). */
  enum SettingColumn {
    POLICY("policy"),
    ACL("acl"),
    OBJECT_OWNERSHIP("object_ownership"),
    PUBLIC_ACCESS_BLOCK("public_access_block"),
    TAGS("tags"),
    CORS("cors"),
    LIFECYCLE("lifecycle"),
    QUOTA_BYTES("quota_bytes"),
    ENCRYPTION("encryption"),
    NOTIFICATION("notification");

    private final String column;

    SettingColumn(String column) {
      this.column = column;
    }
  }

  /**
   * Sets one settings column to its encoded value (null clears it). One column per call, so that
   * concurrent changes to different settings (a policy and an ACL, say) never undo each other.
   */
  static Bucket setColumn(
      Tx tx, String name, String id, SettingColumn column, @Nullable Object value)
      throws SQLException {
    PreparedStatement ps =
        tx.ps("UPDATE buckets SET " + column.column + " = ? WHERE name = ? AND id = ?");
    ps.setObject(1, value);
    ps.setString(2, name);
    ps.setString(3, id);
    if (ps.executeUpdate() == 0) {
      throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
    }
    changed(tx, name);
    return require(tx, name, id);
  }

  static boolean hasOwnershipControls(Tx tx, String name) throws SQLException {
    PreparedStatement ps =
        tx.ps("SELECT 1 FROM buckets WHERE name = ? AND object_ownership IS NOT NULL");
    ps.setString(1, name);
    return Rows.exists(ps);
  }

  /** See MetadataStore#setVersioning. */
  static Bucket setVersioning(Tx tx, String name, String id, Versioning versioning)
      throws SQLException {
    Bucket bucket = lockForUpdate(tx, name, id);
    if (bucket.objectLock() && versioning != Versioning.ENABLED) {
      throw new CofferException(
          ErrorCode.INVALID_BUCKET_STATE,
          "An Object Lock configuration is present on this bucket, so the versioning state cannot"
              + " be changed.");
    }
    PreparedStatement ps = tx.ps("UPDATE buckets SET versioning = ? WHERE name = ?");
    ps.setString(1, versioning.status());
    ps.setString(2, name);
    ps.executeUpdate();
    changed(tx, name);
    return require(tx, name, id);
  }

  /** See MetadataStore#setObjectLock. */
  static Bucket setObjectLock(
      Tx tx, String name, String id, @Nullable DefaultRetention defaultRetention)
      throws SQLException {
    Bucket bucket = lockForUpdate(tx, name, id);
    if (bucket.versioning() != Versioning.ENABLED) {
      throw new CofferException(
          ErrorCode.INVALID_BUCKET_STATE,
          "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
    }
    PreparedStatement ps =
        tx.ps(
            "UPDATE buckets SET object_lock = true, lock_default_mode = ?, lock_default_days = ?,"
                + " lock_default_years = ? WHERE name = ?");
    ps.setString(1, defaultRetention == null ? null : defaultRetention.mode().name());
    ps.setObject(2, defaultRetention == null ? null : defaultRetention.days());
    ps.setObject(3, defaultRetention == null ? null : defaultRetention.years());
    ps.setString(4, name);
    ps.executeUpdate();
    changed(tx, name);
    return require(tx, name, id);
  }

  /** The bucket with this name and ID, its row locked until the transaction ends. */
  private static Bucket lockForUpdate(Tx tx, String name, String id) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT 1 FROM buckets WHERE name = ? AND id = ? FOR UPDATE");
    ps.setString(1, name);
    ps.setString(2, id);
    if (!Rows.exists(ps)) {
      throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
    }
    return require(tx, name, id);
  }

  private static Bucket require(Tx tx, String name, String id) throws SQLException {
    return find(tx, name)
        .filter(b -> b.id().equals(id))
        .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_BUCKET));
  }

  /**
   * 128 random bits in hex, like blob IDs: never reused in practice (and the unique index refuses a
   * collision with a live bucket), and nothing a client chose, so it is safe in a path.
   */
  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static Optional<Bucket> find(Tx tx, String name) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT " + BUCKET_COLUMNS + " FROM buckets WHERE name = ?");
    ps.setString(1, name);
    return Rows.one(ps, Rows::bucket);
  }

  static Optional<BucketRef> ref(Tx tx, String name) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT id, owner_id, versioning, object_lock, lock_default_mode, lock_default_days,"
                + " lock_default_years, "
                + AccessColumns.BUCKET_ACCESS_COLUMNS
                + ", "
                + FeatureColumns.BUCKET_FEATURE_COLUMNS
                + " FROM buckets WHERE name = ?");
    ps.setString(1, name);
    return Rows.one(
        ps,
        rs ->
            new BucketRef(
                rs.getString(1),
                rs.getLong(2),
                Rows.versioning(rs.getString(3)),
                rs.getBoolean(4),
                Rows.defaultRetention(rs, 5),
                AccessColumns.bucketAccess(rs, 8),
                FeatureColumns.bucketFeatures(rs, 12)));
  }

  /**
   * The bucket a write goes to, its row locked {@code FOR SHARE} until the write's transaction ends
   * (see the class comment); NO_SUCH_BUCKET when absent.
   */
  static LockedBucket lock(Tx tx, String name) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT id, versioning, notification IS NOT NULL FROM buckets WHERE name = ? FOR"
                + " SHARE");
    ps.setString(1, name);
    return Rows.one(
            ps,
            rs ->
                new LockedBucket(
                    name, rs.getString(1), Rows.versioning(rs.getString(2)), rs.getBoolean(3)))
        .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_BUCKET));
  }

  /**
   * As {@link #lock(Tx, String)}, and NO_SUCH_BUCKET unless the bucket still has this ID: a request
   * that stored blobs under the ID it looked up must not commit them into a bucket of the same name
   * created since (their files would be removed with the deleted one).
   */
  static LockedBucket lock(Tx tx, String name, String id) throws SQLException {
    LockedBucket bucket = lock(tx, name);
    if (!bucket.id().equals(id)) {
      throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
    }
    return bucket;
  }

  /** Deletes an empty bucket with its uploads; returns nothing to delete (see ReleasedBlobSql). */
  static List<Part> delete(Tx tx, String name, String id) throws SQLException {
    // FOR UPDATE waits for writes holding the row FOR SHARE; once it has the row, a write that
    // comes later waits, then finds the bucket gone.
    lockForUpdate(tx, name, id);
    PreparedStatement any = tx.ps("SELECT 1 FROM objects WHERE bucket = ? LIMIT 1");
    any.setString(1, name);
    PreparedStatement anyVersion = tx.ps("SELECT 1 FROM object_versions WHERE bucket = ? LIMIT 1");
    anyVersion.setString(1, name);
    if (Rows.exists(any) || Rows.exists(anyVersion)) {
      throw new CofferException(ErrorCode.BUCKET_NOT_EMPTY);
    }
    UploadSql.deleteAllIn(tx, name, id);
    PreparedStatement del = tx.ps("DELETE FROM buckets WHERE name = ?");
    del.setString(1, name);
    del.executeUpdate();
    CounterSql.add(tx, CounterSql.Counter.BUCKETS, -1);
    CounterSql.forgetBucket(tx, id);
    // the lifecycle sweep's checkpoint (core's table) goes with the bucket; notification rules
    // follow the bucket row (ON DELETE CASCADE)
    PreparedStatement progress = tx.ps("DELETE FROM lifecycle_progress WHERE bucket_id = ?");
    progress.setString(1, id);
    progress.executeUpdate();
    changed(tx, name);
    return List.of();
  }

  /** Tells every node (and this one's caches) that the bucket changed, once the change commits. */
  private static void changed(Tx tx, String name) throws SQLException {
    Changes.publish(tx, new StoreChange(StoreChange.Kind.BUCKET, name));
  }
}
