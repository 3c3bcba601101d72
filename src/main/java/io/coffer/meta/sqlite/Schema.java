package io.coffer.meta.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates and migrates the schema; its version is kept in {@code PRAGMA user_version}. */
final class Schema {
  static final int VERSION = 9;

  private Schema() {}

  static final List<String> V1 =
      List.of(
          """
          CREATE TABLE credentials (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            access_key TEXT NOT NULL UNIQUE,
            secret_key TEXT NOT NULL,
            user_name TEXT NOT NULL,
            is_active INTEGER NOT NULL DEFAULT 1,
            created_at INTEGER NOT NULL)\
          """,
          """
          CREATE TABLE buckets (
            name TEXT PRIMARY KEY,
            owner_id INTEGER NOT NULL,
            region TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            object_count INTEGER NOT NULL DEFAULT 0,
            total_size INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID\
          """,
          "CREATE INDEX buckets_by_owner ON buckets (owner_id, name)",
          // key is the UTF-8 bytes of the object key as a BLOB: BLOBs compare with memcmp, which
          // is S3's listing order.
          """
          CREATE TABLE objects (
            bucket TEXT NOT NULL,
            key BLOB NOT NULL,
            storage_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            etag TEXT NOT NULL,
            content_type TEXT,
            headers TEXT,
            user_meta TEXT,
            checksum_algorithm TEXT,
            checksum_value TEXT,
            checksum_type TEXT,
            part_count INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            inline_data BLOB,
            PRIMARY KEY (bucket, key)) WITHOUT ROWID\
          """,
          """
          CREATE TABLE segments (
            storage_id TEXT NOT NULL,
            part_number INTEGER NOT NULL,
            blob_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            etag TEXT NOT NULL,
            checksum_algorithm TEXT,
            checksum_value TEXT,
            checksum_type TEXT,
            PRIMARY KEY (storage_id, part_number)) WITHOUT ROWID\
          """,
          """
          CREATE TABLE uploads (
            upload_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            bucket TEXT NOT NULL,
            key BLOB NOT NULL,
            initiator_id INTEGER NOT NULL,
            content_type TEXT,
            headers TEXT,
            user_meta TEXT,
            checksum_algorithm TEXT,
            checksum_type TEXT,
            initiated_at INTEGER NOT NULL) WITHOUT ROWID\
          """,
          "CREATE UNIQUE INDEX uploads_by_key ON uploads (bucket, key, seq)",
          """
          CREATE TABLE parts (
            upload_id TEXT NOT NULL,
            part_number INTEGER NOT NULL,
            blob_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            etag TEXT NOT NULL,
            checksum_algorithm TEXT,
            checksum_value TEXT,
            checksum_type TEXT,
            last_modified INTEGER NOT NULL,
            PRIMARY KEY (upload_id, part_number)) WITHOUT ROWID\
          """,
          """
          CREATE TABLE presigned_urls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            hash TEXT NOT NULL UNIQUE,
            bucket TEXT NOT NULL,
            key TEXT NOT NULL,
            method TEXT NOT NULL,
            credential_id INTEGER NOT NULL,
            access_key TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0)\
          """,
          "CREATE INDEX presigned_by_credential ON presigned_urls (credential_id) WHERE revoked ="
              + " 0",
          "CREATE INDEX presigned_active ON presigned_urls (expires_at) WHERE revoked = 0",
          """
          CREATE TABLE counters (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            credentials INTEGER NOT NULL,
            buckets INTEGER NOT NULL,
            objects INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            uploads INTEGER NOT NULL,
            upload_seq INTEGER NOT NULL)\
          """,
          "INSERT INTO counters VALUES (1, 0, 0, 0, 0, 0, 0)");

  /**
   * Version 2 moves inline object bodies out of the objects rows into a table of their own. In a
   * WITHOUT ROWID table SQLite keeps only about 1 KB of a row on its b-tree page, so a 4 KiB body
   * left three or four rows per page and made inserts at random keys costly (docs/benchmarks.md,
   * lever 5). Bodies now go to an append-only rowid table, and the objects rows stay small.
   */
  static final List<String> V2 =
      List.of(
          "CREATE TABLE inline_bodies (id INTEGER PRIMARY KEY, data BLOB NOT NULL)",
          "ALTER TABLE objects ADD COLUMN inline_id INTEGER",
          """
          CREATE TEMP TABLE moved_bodies (
            bucket TEXT NOT NULL,
            key BLOB NOT NULL,
            id INTEGER NOT NULL,
            PRIMARY KEY (bucket, key)) WITHOUT ROWID\
          """,
          """
          INSERT INTO moved_bodies
            SELECT bucket, key, row_number() OVER (ORDER BY bucket, key)
            FROM objects WHERE inline_data IS NOT NULL\
          """,
          """
          INSERT INTO inline_bodies (id, data)
            SELECT m.id, o.inline_data FROM moved_bodies m JOIN objects o USING (bucket, key)\
          """,
          """
          UPDATE objects SET inline_id =
            (SELECT id FROM moved_bodies m WHERE m.bucket = objects.bucket AND m.key = objects.key)
            WHERE inline_data IS NOT NULL\
          """,
          "DROP TABLE moved_bodies",
          "ALTER TABLE objects DROP COLUMN inline_data");

  /**
   * Version 3 gives every bucket an internal ID that is never reused. Blobs are stored under it
   * instead of under the bucket's name, so a bucket deleted and created again under the same name
   * never shares files with its previous generation. Existing buckets get a random ID; their blob
   * files are moved by {@code FileBlobStore.migrateLegacyLayout} at start-up
   * (server.StorageStartup).
   */
  private static final List<String> V3 =
      List.of(
          "ALTER TABLE buckets ADD COLUMN id TEXT NOT NULL DEFAULT ''",
          "UPDATE buckets SET id = lower(hex(randomblob(16)))",
          "CREATE UNIQUE INDEX buckets_by_id ON buckets (id)");

  /**
   * Version 4 remembers completed multipart uploads for a while (their answer, and which part list
   * produced it), so a retried CompleteMultipartUpload gets the same answer instead of
   * NoSuchUpload. Rows are forgotten after a horizon, a few at a time by later completions.
   */
  private static final List<String> V4 =
      List.of(
          """
          CREATE TABLE completed_uploads (
            upload_id TEXT PRIMARY KEY,
            bucket TEXT NOT NULL,
            key BLOB NOT NULL,
            etag TEXT NOT NULL,
            size INTEGER NOT NULL,
            checksum_algorithm TEXT,
            checksum_value TEXT,
            checksum_type TEXT,
            parts_fingerprint TEXT NOT NULL,
            completed_at INTEGER NOT NULL) WITHOUT ROWID\
          """,
          "CREATE INDEX completed_uploads_by_time ON completed_uploads (completed_at)",
          "CREATE INDEX completed_uploads_by_bucket ON completed_uploads (bucket)");

  /**
   * Version 5 adds versioning and object lock. The objects table keeps the current version of each
   * key that is an object, so listings stay one range scan whatever the number of old versions;
   * noncurrent versions and delete markers live in object_versions, ordered within a key by seq
   * (higher is newer). Existing objects become null versions. A version's object lock is one
   * nullable column (see Rows.lock), NULL for the many versions without one, so reading an object
   * costs one more column for it, not three.
   */
  private static final List<String> V5 =
      List.of(
          "ALTER TABLE buckets ADD COLUMN versioning TEXT",
          "ALTER TABLE buckets ADD COLUMN object_lock INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE buckets ADD COLUMN lock_default_mode TEXT",
          "ALTER TABLE buckets ADD COLUMN lock_default_days INTEGER",
          "ALTER TABLE buckets ADD COLUMN lock_default_years INTEGER",
          "ALTER TABLE objects ADD COLUMN version_id TEXT NOT NULL DEFAULT 'null'",
          "ALTER TABLE objects ADD COLUMN seq INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE objects ADD COLUMN lock TEXT",
          """
          CREATE TABLE object_versions (
            bucket TEXT NOT NULL,
            key BLOB NOT NULL,
            seq INTEGER NOT NULL,
            storage_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            etag TEXT NOT NULL,
            content_type TEXT,
            headers TEXT,
            user_meta TEXT,
            checksum_algorithm TEXT,
            checksum_value TEXT,
            checksum_type TEXT,
            part_count INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            inline_id INTEGER,
            version_id TEXT NOT NULL,
            lock TEXT,
            delete_marker INTEGER NOT NULL,
            PRIMARY KEY (bucket, key, seq DESC)) WITHOUT ROWID\
          """,
          "ALTER TABLE uploads ADD COLUMN lock TEXT",
          "ALTER TABLE completed_uploads ADD COLUMN version_id TEXT NOT NULL DEFAULT 'null'");

  /**
   * Version 6 adds access control. Managed policies, groups and their attachments get tables of
   * their own; a credential may be a service account (a parent, an expiry, an inline policy). A
   * bucket keeps its policy, ACL, object ownership and public access block in four nullable
   * columns, and each object version, and each upload (for the object it will make), its ACL in one
   * (NULL: owned by the bucket owner, private). Buckets that exist already keep the behaviour they
   * had, ACLs disabled (BucketOwnerEnforced); new buckets get the configured default.
   */
  private static final List<String> V6 =
      List.of(
          """
          CREATE TABLE policies (
            name TEXT PRIMARY KEY,
            document TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL) WITHOUT ROWID\
          """,
          "CREATE TABLE user_groups (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL) WITHOUT"
              + " ROWID",
          """
          CREATE TABLE group_members (
            group_name TEXT NOT NULL,
            credential_id INTEGER NOT NULL,
            PRIMARY KEY (group_name, credential_id)) WITHOUT ROWID\
          """,
          "CREATE INDEX group_members_by_credential ON group_members (credential_id, group_name)",
          """
          CREATE TABLE policy_attachments (
            target_kind TEXT NOT NULL,
            target TEXT NOT NULL,
            policy TEXT NOT NULL,
            PRIMARY KEY (target_kind, target, policy)) WITHOUT ROWID\
          """,
          "CREATE INDEX policy_attachments_by_policy ON policy_attachments (policy)",
          "ALTER TABLE credentials ADD COLUMN parent_id INTEGER",
          "ALTER TABLE credentials ADD COLUMN expires_at INTEGER",
          "ALTER TABLE credentials ADD COLUMN inline_policy TEXT",
          "ALTER TABLE buckets ADD COLUMN policy TEXT",
          "ALTER TABLE buckets ADD COLUMN acl TEXT",
          "ALTER TABLE buckets ADD COLUMN object_ownership TEXT",
          "ALTER TABLE buckets ADD COLUMN public_access_block TEXT",
          "UPDATE buckets SET object_ownership = 'BucketOwnerEnforced'",
          "ALTER TABLE objects ADD COLUMN acl TEXT",
          "ALTER TABLE object_versions ADD COLUMN acl TEXT",
          "ALTER TABLE uploads ADD COLUMN acl TEXT");

  /**
   * Version 7 adds the bucket features: tags on object versions, uploads and buckets (a JSON object
   * each, NULL for none), a bucket's CORS and lifecycle configurations (JSON, see FeatureColumns)
   * and its quota; and lifecycle_progress, the checkpoint of each bucket's lifecycle sweep under
   * way (see LifecycleCheckpoint), keyed by bucket ID.
   */
  private static final List<String> V7 =
      List.of(
          "ALTER TABLE objects ADD COLUMN tags TEXT",
          "ALTER TABLE object_versions ADD COLUMN tags TEXT",
          "ALTER TABLE uploads ADD COLUMN tags TEXT",
          "ALTER TABLE buckets ADD COLUMN tags TEXT",
          "ALTER TABLE buckets ADD COLUMN cors TEXT",
          "ALTER TABLE buckets ADD COLUMN lifecycle TEXT",
          "ALTER TABLE buckets ADD COLUMN quota_bytes INTEGER",
          """
          CREATE TABLE lifecycle_progress (
            bucket_id TEXT PRIMARY KEY,
            phase TEXT NOT NULL,
            key_marker TEXT,
            version_marker TEXT,
            successor_ms INTEGER,
            newer_noncurrent INTEGER NOT NULL,
            lone_marker TEXT,
            started_ms INTEGER NOT NULL
          ) WITHOUT ROWID
          """);

  /**
   * Version 8 adds encryption at rest: how each object version and upload is encrypted (JSON of
   * Encryption, NULL for plaintext), a bucket's default encryption (JSON of BucketEncryption), and
   * kms_keys, the named keys of the built-in key store, their material sealed by a master key.
   */
  private static final List<String> V8 =
      List.of(
          "ALTER TABLE objects ADD COLUMN encryption TEXT",
          "ALTER TABLE object_versions ADD COLUMN encryption TEXT",
          "ALTER TABLE uploads ADD COLUMN encryption TEXT",
          "ALTER TABLE buckets ADD COLUMN encryption TEXT",
          """
          CREATE TABLE kms_keys (
            name TEXT PRIMARY KEY,
            master_key_id TEXT NOT NULL,
            sealed_material BLOB NOT NULL,
            enabled INTEGER NOT NULL,
            created_at INTEGER NOT NULL
          ) WITHOUT ROWID
          """);

  /**
   * Version 9 adds event notifications: a bucket's notification configuration (JSON of
   * NotificationConfiguration, for GetBucketNotificationConfiguration), the same rules flattened
   * into notification_rules (so the write path matches an event with one indexed query, prefix and
   * suffix compared as key bytes), the targets, and the durable outbox: one row per event and
   * target, written in the transaction of the change it reports, removed once delivered. A target's
   * queued and dropped counts change in the same transactions, so the bound on its queue is checked
   * without counting rows. counters.event_seq is the last event sequencer handed out, so that a
   * later change of a key has a greater sequencer also after a restart.
   */
  private static final List<String> V9 =
      List.of(
          "ALTER TABLE buckets ADD COLUMN notification TEXT",
          "ALTER TABLE counters ADD COLUMN event_seq INTEGER NOT NULL DEFAULT 0",
          """
          CREATE TABLE notification_targets (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            config TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            queued INTEGER NOT NULL DEFAULT 0,
            dropped INTEGER NOT NULL DEFAULT 0
          ) WITHOUT ROWID
          """,
          """
          CREATE TABLE notification_rules (
            bucket TEXT NOT NULL,
            configuration_id TEXT NOT NULL,
            target_id TEXT NOT NULL,
            event_mask INTEGER NOT NULL,
            prefix BLOB NOT NULL,
            suffix BLOB NOT NULL,
            PRIMARY KEY (bucket, configuration_id)
          ) WITHOUT ROWID
          """,
          "CREATE INDEX notification_rules_target ON notification_rules (target_id)",
          """
          CREATE TABLE event_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            target_id TEXT NOT NULL,
            configuration_id TEXT NOT NULL,
            name TEXT NOT NULL,
            bucket TEXT NOT NULL,
            key BLOB,
            size INTEGER NOT NULL,
            etag TEXT,
            version_id TEXT,
            sequencer TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            request_id TEXT NOT NULL,
            principal_id TEXT NOT NULL,
            source_ip TEXT
          )
          """,
          "CREATE INDEX event_outbox_target ON event_outbox (target_id, seq)");

  /** The migration to version i + 1 is {@code STEPS.get(i)}. */
  private static final List<List<String>> STEPS = List.of(V1, V2, V3, V4, V5, V6, V7, V8, V9);

  /**
   * Brings the database to {@link #VERSION}; runs on the writer connection before anything else.
   */
  static void migrate(Conn conn) throws SQLException {
    try (Statement s = conn.raw().createStatement()) {
      int version;
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > VERSION) {
        throw new SQLException(
            "the metadata database has schema version "
                + version
                + ", written by a newer Coffer; this Coffer understands versions up to "
                + VERSION
                + ". Run the newer Coffer on this data directory.");
      }
      if (version == VERSION) {
        return;
      }
      s.execute("BEGIN IMMEDIATE");
      try {
        for (List<String> step : STEPS.subList(version, VERSION)) {
          for (String ddl : step) {
            s.execute(ddl);
          }
        }
        s.execute("PRAGMA user_version = " + VERSION);
        s.execute("COMMIT");
      } catch (SQLException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }
}
