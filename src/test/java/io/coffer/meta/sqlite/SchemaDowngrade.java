package io.coffer.meta.sqlite;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Turns a current database back into an older schema version, keeping its data, so migration tests
 * start from what an older Coffer left on disk.
 */
public final class SchemaDowngrade {
  private SchemaDowngrade() {}

  /** Version 9 → 8: no event notifications. */
  public static void toVersion8(Statement s) throws SQLException {
    s.execute("ALTER TABLE buckets DROP COLUMN notification");
    s.execute("ALTER TABLE counters DROP COLUMN event_seq");
    for (String table :
        new String[] {"event_outbox", "notification_rules", "notification_targets"}) {
      s.execute("DROP TABLE " + table);
    }
    s.execute("PRAGMA user_version = 8");
  }

  /** Version 9 → 7: no encryption at rest (and nothing of version 9). */
  public static void toVersion7(Statement s) throws SQLException {
    toVersion8(s);
    for (String table : new String[] {"objects", "object_versions", "uploads", "buckets"}) {
      s.execute("ALTER TABLE " + table + " DROP COLUMN encryption");
    }
    s.execute("DROP TABLE kms_keys");
    s.execute("PRAGMA user_version = 7");
  }

  /** Version 9 → 6: no tags, CORS, lifecycle or quotas (and nothing of version 8). */
  public static void toVersion6(Statement s) throws SQLException {
    toVersion7(s);
    s.execute("DROP TABLE lifecycle_progress");
    for (String table : new String[] {"objects", "object_versions", "uploads"}) {
      s.execute("ALTER TABLE " + table + " DROP COLUMN tags");
    }
    for (String column : new String[] {"tags", "cors", "lifecycle", "quota_bytes"}) {
      s.execute("ALTER TABLE buckets DROP COLUMN " + column);
    }
    s.execute("PRAGMA user_version = 6");
  }

  /** Version 7 → 5: no policies, groups, service accounts, ACLs or bucket access settings. */
  public static void toVersion5(Statement s) throws SQLException {
    toVersion6(s);
    for (String table :
        new String[] {"policies", "user_groups", "group_members", "policy_attachments"}) {
      s.execute("DROP TABLE " + table);
    }
    for (String column : new String[] {"parent_id", "expires_at", "inline_policy"}) {
      s.execute("ALTER TABLE credentials DROP COLUMN " + column);
    }
    for (String column :
        new String[] {"policy", "acl", "object_ownership", "public_access_block"}) {
      s.execute("ALTER TABLE buckets DROP COLUMN " + column);
    }
    for (String table : new String[] {"objects", "object_versions", "uploads"}) {
      s.execute("ALTER TABLE " + table + " DROP COLUMN acl");
    }
    s.execute("PRAGMA user_version = 5");
  }

  /** Version 7 → 4: no versions, no object lock (and nothing of version 6). */
  public static void toVersion4(Statement s) throws SQLException {
    toVersion5(s);
    s.execute("DROP TABLE object_versions");
    for (String column : new String[] {"version_id", "seq", "lock"}) {
      s.execute("ALTER TABLE objects DROP COLUMN " + column);
    }
    for (String column :
        new String[] {
          "versioning",
          "object_lock",
          "lock_default_mode",
          "lock_default_days",
          "lock_default_years"
        }) {
      s.execute("ALTER TABLE buckets DROP COLUMN " + column);
    }
    for (String column : new String[] {"lock"}) {
      s.execute("ALTER TABLE uploads DROP COLUMN " + column);
    }
    s.execute("ALTER TABLE completed_uploads DROP COLUMN version_id");
    s.execute("PRAGMA user_version = 4");
  }
}
