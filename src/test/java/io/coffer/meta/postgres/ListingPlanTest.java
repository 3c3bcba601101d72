package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.rows.Keys;
import io.coffer.model.BucketQuery;
import io.coffer.model.ListQuery;
import io.coffer.model.VersionQuery;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN ANALYZE of every listing statement, with the parameters the store would bind, over tables
 * of some size: each reads an index (a seek, or one index descent per step of the skip-scan walk),
 * never a whole table (no Seq Scan, bitmap or hash of a table) and sorts no more than the three
 * candidates of a step.
 */
class ListingPlanTest {
  static final int OBJECTS = 20_000;

  @Test
  void everyListingIsAnIndexRangeScan() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        PostgresMetadataStore store = PostgresMetadataStore.open(database.url(), null, "n");
        Connection c = database.connect()) {
      fill(c);
      Map<String, NamedSql.Bound> statements = new LinkedHashMap<>();
      ListQuery noDelimiter = new ListQuery("b", "f/", null, "f/0000100", 1000);
      statements.put(
          "objects, no delimiter",
          ObjectListingSql.query(noDelimiter, range("f/", null, "f/0000100")));
      ListQuery root = new ListQuery("b", "", "/", null, 1000);
      statements.put("objects, delimiter", ObjectListingSql.query(root, range("", "/", null)));
      VersionQuery versions = new VersionQuery("b", "", "/", null, null, 1000);
      statements.put("versions", VersionListingSql.query(versions, range("", "/", null), null));
      VersionQuery afterVersion = new VersionQuery("b", "f/", null, "f/0000007", "x", 1000);
      statements.put(
          "versions after a version marker",
          VersionListingSql.query(afterVersion, range("f/", null, "f/0000007"), 3L));
      statements.put(
          "uploads", UploadListingSql.query("b", range("", "/", null), null, null, 1000));
      statements.put(
          "uploads after an upload marker",
          UploadListingSql.query("b", range("u/", null, "u/0000003"), "u/0000003", 2L, 1000));
      statements.put(
          "buckets of one owner",
          BucketListingSql.pageQuery(new BucketQuery(7, "bucket-1", null, "bucket-10", 100)));
      statements.put(
          "buckets",
          BucketListingSql.pageQuery(
              new BucketQuery(BucketQuery.ANY_OWNER, "bucket-2", "r", null, 100)));
      for (Map.Entry<String, NamedSql.Bound> e : statements.entrySet()) {
        Plans plan = Plans.explain(c, e.getValue());
        assertThat(plan.tableScans()).as(e.getKey() + "\n" + plan.text()).isEmpty();
        // A walk step sorts at most its three candidates; an owner's buckets may come from a
        // bitmap of buckets_by_owner's range, sorted by name: that range, never the table.
        long maxSort = e.getKey().startsWith("buckets") ? 250 : 3;
        assertThat(plan.largestSort())
            .as(e.getKey() + "\n" + plan.text())
            .isLessThanOrEqualTo(maxSort);
        assertThat(plan.rowsScanned())
            .as(e.getKey() + " reads about its page, not the table\n" + plan.text())
            .isLessThan(OBJECTS / 2);
      }
      // and the store answers from them
      assertThat(store.listObjects(root).commonPrefixes()).containsExactly("f/");
      assertThat(store.listObjects(noDelimiter).objects()).hasSize(1000);
    }
  }

  static SkipScan.Range range(String prefix, String delimiter, String after) {
    return SkipScan.Range.of(prefix, delimiter, after);
  }

  /**
   * OBJECTS objects under f/ (each with two older versions in object_versions), uploads under u/,
   * 2000 buckets of 10 owners; then ANALYZE, as autovacuum would have done.
   */
  static void fill(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO objects (bucket, key, storage_id, size, etag, part_count, created_at,"
              + " updated_at, version_id, seq) SELECT 'b', convert_to('f/' || lpad(g::text, 7,"
              + " '0'), 'UTF8'), 's' || g, g, 'e', 0, 0, 0, 'v' || g, 3 FROM generate_series(1, "
              + OBJECTS
              + ") g");
      s.execute(
          "INSERT INTO object_versions (bucket, key, seq, storage_id, size, etag, part_count,"
              + " created_at, updated_at, version_id, delete_marker) SELECT 'b', o.key, v,"
              + " 's', 1, 'e', 0, 0, 0, 'old' || v || o.storage_id, false FROM objects o,"
              + " generate_series(1, 2) v");
      s.execute(
          "INSERT INTO uploads (upload_id, bucket, key, initiator_id, initiated_at)"
              + " SELECT 'up' || g, 'b', convert_to('u/' || lpad((g / 3)::text, 7, '0'),"
              + " 'UTF8'), 1, 0 FROM generate_series(1, "
              + OBJECTS
              + ") g");
      s.execute(
          "INSERT INTO buckets (name, id, owner_id, region, created_at) SELECT 'bucket-' || g,"
              + " md5(g::text), g % 10, 'r', 0 FROM generate_series(1, 2000) g");
      s.execute(
          "INSERT INTO bucket_counters (bucket_id, stripe, objects, bytes)"
              + " SELECT md5(g::text), stripe, 1, 1 FROM generate_series(1, 2000) g,"
              + " generate_series(0, 3) stripe");
      s.execute("ANALYZE");
    }
    assertThat(Keys.utf8("f/")).hasSize(2);
  }
}
