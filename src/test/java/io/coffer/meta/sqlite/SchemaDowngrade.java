package io.coffer.meta.sqlite;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Turns a current database back into an older schema version, keeping its data, so migration tests
 * start from what an older Coffer left on disk.
 */
public final class SchemaDowngrade {
  private SchemaDowngrade() {}

  /** Version 5 → 4: no versions, no object lock. */
  public static void toVersion4(Statement s) throws SQLException {
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
