package io.coffer.meta.postgres;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and migrates the PostgreSQL schema at start-up, under an advisory lock so that nodes
 * starting together migrate once. Version 1 is the whole SQLite schema of version 9, written for
 * PostgreSQL: keys are {@code text COLLATE "C"} (byte order of UTF-8), times are epoch milliseconds
 * ({@code bigint}), inline bodies {@code bytea}. A database newer than this build refuses to start
 * it.
 */
final class Schema {
  static final int VERSION = 1;
  private static final long MIGRATION_LOCK = 0x636f66666572L; // "coffer"

  private Schema() {}

  static void migrate(Db db) {
    db.writeVoid(
        tx -> {
          try (Statement s = tx.c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            s.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (id int PRIMARY KEY CHECK (id = 1),"
                    + " version int NOT NULL)");
            int version = 0;
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
              if (rs.next()) {
                version = rs.getInt(1);
              }
            }
            if (version > VERSION) {
              throw new CofferException(
                  ErrorCode.INTERNAL_ERROR,
                  "the metadata database has schema version "
                      + version
                      + ", newer than this Coffer's "
                      + VERSION
                      + "; run a newer Coffer");
            }
            if (version < 1) {
              for (String sql : version1()) {
                s.execute(sql);
              }
              s.execute("INSERT INTO schema_version VALUES (1, 1)");
            }
          }
        });
  }

  /** Version 1: every table, in sections by the class that owns its SQL. */
  static List<String> version1() {
    List<String> all = new ArrayList<>();
    // ---- core (A): credentials, policies, groups, KMS keys, presigned URLs, counters, lifecycle
    all.addAll(CoreTables.DDL);
    // ---- objects (B): buckets, objects, versions, segments, inline bodies, uploads, parts
    all.addAll(ObjectTables.DDL);
    // ---- notifications (C): targets, rules, outbox, change feed
    all.addAll(NotificationTables.DDL);
    // ---- several nodes (D): leases, released blobs
    all.addAll(LeaseSql.DDL);
    all.addAll(ReleasedBlobSql.DDL);
    return all;
  }
}
