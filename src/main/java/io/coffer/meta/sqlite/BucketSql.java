package io.coffer.meta.sqlite;

import static io.coffer.meta.rows.Rows.BUCKET_COLUMNS;

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
import io.coffer.model.Versioning;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The buckets table. */
final class BucketSql {
  private static final SecureRandom RANDOM = new SecureRandom();

  private BucketSql() {}

  /**
   * What the writer remembers of a bucket: its ID, how writes to it are versioned, and whether it
   * has notification rules (without, recording a write's event costs no statement).
   */
  record Known(String id, Versioning versioning, boolean notifies) {}

  static Bucket create(
      Conn c,
      String name,
      long ownerId,
      String region,
      Instant now,
      boolean objectLock,
      BucketAccess access)
      throws SQLException {
    Optional<Bucket> existing = find(c, name);
    if (existing.isPresent()) {
      throw new CofferException(
          existing.get().ownerId() == ownerId
              ? ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU
              : ErrorCode.BUCKET_ALREADY_EXISTS);
    }
    CredentialSql.requireAccessKey(c, ownerId);
    String id = newId();
    PreparedStatement ins =
        c.ps(
            "INSERT INTO buckets (name, id, owner_id, region, created_at, object_count, total_size,"
                + " versioning, object_lock, "
                + AccessColumns.BUCKET_ACCESS_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)");
    ins.setString(1, name);
    ins.setString(2, id);
    ins.setLong(3, ownerId);
    ins.setString(4, region);
    ins.setLong(5, now.toEpochMilli());
    // object lock needs versioning, enabled for good
    Versioning versioning = objectLock ? Versioning.ENABLED : Versioning.UNVERSIONED;
    ins.setString(6, versioning.status());
    ins.setInt(7, objectLock ? 1 : 0);
    ins.setString(8, access.policy());
    ins.setString(9, AccessColumns.encode(access.acl()));
    ins.setString(10, access.ownership().awsName());
    ins.setString(11, AccessColumns.encode(access.publicAccessBlock()));
    ins.executeUpdate();
    c.op.buckets++;
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
   * Writer: sets one settings column to its encoded value (null clears it). One column per call, so
   * that concurrent changes to different settings (a policy and an ACL, say) never undo each other.
   */
  static Bucket setColumn(
      Conn c, String name, String id, SettingColumn column, @Nullable Object value)
      throws SQLException {
    requireBucket(c, name, id);
    PreparedStatement ps = c.ps("UPDATE buckets SET " + column.column + " = ? WHERE name = ?");
    ps.setObject(1, value);
    ps.setString(2, name);
    ps.executeUpdate();
    return requireBucket(c, name, id);
  }

  /** Whether the bucket has ownership controls (a non-null object_ownership column). */
  static boolean hasOwnershipControls(Conn c, String name) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT 1 FROM buckets WHERE name = ? AND object_ownership IS NOT NULL");
    ps.setString(1, name);
    return Rows.exists(ps);
  }

  /** Writer: sets versioning; see MetadataStore#setVersioning. */
  static Bucket setVersioning(Conn c, String name, String id, Versioning versioning)
      throws SQLException {
    Bucket bucket = requireBucket(c, name, id);
    if (bucket.objectLock() && versioning != Versioning.ENABLED) {
      throw new CofferException(
          ErrorCode.INVALID_BUCKET_STATE,
          "An Object Lock configuration is present on this bucket, so the versioning state cannot"
              + " be changed.");
    }
    PreparedStatement ps = c.ps("UPDATE buckets SET versioning = ? WHERE name = ?");
    ps.setString(1, versioning.status());
    ps.setString(2, name);
    ps.executeUpdate();
    c.knownBuckets.remove(name);
    return requireBucket(c, name, id);
  }

  /**
   * Writer: enables object lock and sets the default retention; see MetadataStore#setObjectLock.
   */
  static Bucket setObjectLock(
      Conn c, String name, String id, @Nullable DefaultRetention defaultRetention)
      throws SQLException {
    Bucket bucket = requireBucket(c, name, id);
    if (bucket.versioning() != Versioning.ENABLED) {
      throw new CofferException(
          ErrorCode.INVALID_BUCKET_STATE,
          "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
    }
    PreparedStatement ps =
        c.ps(
            "UPDATE buckets SET object_lock = 1, lock_default_mode = ?, lock_default_days = ?,"
                + " lock_default_years = ? WHERE name = ?");
    ps.setString(1, defaultRetention == null ? null : defaultRetention.mode().name());
    ps.setObject(2, defaultRetention == null ? null : defaultRetention.days());
    ps.setObject(3, defaultRetention == null ? null : defaultRetention.years());
    ps.setString(4, name);
    ps.executeUpdate();
    return requireBucket(c, name, id);
  }

  private static Bucket requireBucket(Conn c, String name, String id) throws SQLException {
    return find(c, name)
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

  static Optional<Bucket> find(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + BUCKET_COLUMNS + " FROM buckets WHERE name = ?");
    ps.setString(1, name);
    return Rows.one(ps, Rows::bucket);
  }

  static Optional<BucketRef> ref(Conn c, String name) throws SQLException {
    PreparedStatement ps =
        c.ps(
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
                rs.getInt(4) != 0,
                Rows.defaultRetention(rs, 5),
                AccessColumns.bucketAccess(rs, 8),
                FeatureColumns.bucketFeatures(rs, 12)));
  }

  /**
   * Writer only: fails with NO_SUCH_BUCKET unless the bucket exists; returns its ID. Remembers
   * buckets seen, as most writes go to a few buckets.
   */
  static String require(Conn c, String name) throws SQLException {
    return known(c, name).id();
  }

  /** Writer only: the bucket's ID and versioning, NO_SUCH_BUCKET when absent. */
  static Known known(Conn c, String name) throws SQLException {
    Known known = c.knownBuckets.get(name);
    if (known != null) {
      return known;
    }
    PreparedStatement ps =
        c.ps("SELECT id, versioning, notification IS NOT NULL FROM buckets WHERE name = ?");
    ps.setString(1, name);
    Known found =
        Rows.one(
                ps,
                rs ->
                    new Known(rs.getString(1), Rows.versioning(rs.getString(2)), rs.getInt(3) != 0))
            .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_BUCKET));
    if (c.knownBuckets.size() > 10_000) {
      c.knownBuckets.clear();
    }
    c.knownBuckets.put(name, found);
    return found;
  }

  /**
   * Writer only: fails with NO_SUCH_BUCKET unless the bucket exists with this ID. A request that
   * stored blobs under the ID it looked up must not commit them into a bucket of the same name
   * created since: their files would be removed with the deleted one.
   */
  static Known require(Conn c, String name, String id) throws SQLException {
    Known known = known(c, name);
    if (!known.id().equals(id)) {
      throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
    }
    return known;
  }

  static List<Bucket> list(Conn c) throws SQLException {
    return Rows.all(c.ps("SELECT " + BUCKET_COLUMNS + " FROM buckets ORDER BY name"), Rows::bucket);
  }

  static List<Bucket> listOwnedBy(Conn c, long ownerId) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT " + BUCKET_COLUMNS + " FROM buckets WHERE owner_id = ? ORDER BY name");
    ps.setLong(1, ownerId);
    return Rows.all(ps, Rows::bucket);
  }

  /** Deletes an empty bucket with its uploads; returns the uploads' parts. */
  static List<Part> delete(Conn c, String name, String id) throws SQLException {
    c.knownBuckets.remove(name);
    Known known = require(c, name, id);
    c.knownBuckets.remove(name);
    PreparedStatement any = c.ps("SELECT 1 FROM objects WHERE bucket = ? LIMIT 1");
    any.setString(1, name);
    PreparedStatement anyVersion = c.ps("SELECT 1 FROM object_versions WHERE bucket = ? LIMIT 1");
    anyVersion.setString(1, name);
    if (Rows.exists(any) || Rows.exists(anyVersion)) {
      throw new CofferException(ErrorCode.BUCKET_NOT_EMPTY);
    }
    List<Part> removed = UploadSql.deleteAllIn(c, name);
    if (known.notifies()) {
      NotificationSql.deleteRules(c, name);
    }
    PreparedStatement del = c.ps("DELETE FROM buckets WHERE name = ?");
    del.setString(1, name);
    del.executeUpdate();
    LifecycleProgressSql.clear(c, id);
    c.op.buckets--;
    return removed;
  }
}
