package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ListedObject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A page costs the same at 10 k and at 1 M keys: the same statements read the same rows, and about
 * the same pages (one more b-tree level at most per descent), measured by EXPLAIN ANALYZE of the
 * store's own statements, not by time. Rows are generated in SQL (generate_series).
 */
@Tag("scale")
class ListingScaleTest {

  /** What one page cost at one size: rows scanned, index descents and buffers of its statement. */
  record Cost(long rows, long descents, long buffers) {}

  @Test
  void pageCostsTheSameAt10kAnd1mKeys() throws Exception {
    List<List<Cost>> costs = new ArrayList<>();
    for (int size : new int[] {10_000, 1_000_000}) {
      try (PostgresDatabase database = PostgresDatabase.create();
          PostgresMetadataStore store = PostgresMetadataStore.open(database.url(), null, "n");
          Connection c = database.connect()) {
        long t0 = System.nanoTime();
        fill(c, size);
        long fillMillis = (System.nanoTime() - t0) / 1_000_000;
        List<ListQuery> pages =
            List.of(
                new ListQuery("b", "folder/", null, null, 1000), // a page inside the folder
                new ListQuery("b", "folder/", "/", "folder/0005000", 1000), // the same, later on
                new ListQuery("b", "", "/", null, 1000), // the root: skips the folder in one seek
                new ListQuery("b", "", "/", "folder/0000005", 10)); // a marker inside it
        List<Cost> atSize = new ArrayList<>();
        for (ListQuery q : pages) {
          SkipScan.Range range = SkipScan.Range.of(q.prefix(), q.delimiter(), q.after());
          Plans plan = Plans.explain(c, ObjectListingSql.query(q, range));
          atSize.add(new Cost(plan.rowsScanned(), plan.indexDescents(), plan.buffers()));
        }
        costs.add(atSize);
        // what the store answers at this size
        ListPage inside = store.listObjects(pages.get(0));
        assertThat(inside.objects()).hasSize(1000);
        assertThat(inside.truncated()).isTrue();
        ListPage rootPage = store.listObjects(pages.get(2));
        assertThat(rootPage.commonPrefixes()).containsExactly("folder/", "zz/");
        assertThat(rootPage.objects())
            .extracting(ListedObject::key)
            .containsExactly("a", "folder", "folder0", "zzz");
        ListPage afterMarker = store.listObjects(pages.get(3));
        assertThat(afterMarker.objects())
            .extracting(ListedObject::key)
            .containsExactly("folder0", "zzz");
        assertThat(afterMarker.commonPrefixes()).containsExactly("zz/");
        System.out.printf(
            "[postgres listing scale] %d keys (filled in %d ms): %s%n", size, fillMillis, atSize);
      }
    }
    for (int i = 0; i < costs.get(0).size(); i++) {
      Cost small = costs.get(0).get(i);
      Cost large = costs.get(1).get(i);
      assertThat(large.rows()).as("rows read by page %d", i).isEqualTo(small.rows());
      assertThat(large.descents()).as("index descents of page %d", i).isEqualTo(small.descents());
      // one more b-tree level per descent at most (10 k keys: 2 levels, 1 M: 3)
      assertThat(large.buffers())
          .as("pages touched by page %d", i)
          .isLessThanOrEqualTo(small.buffers() + large.descents() + 2);
    }
  }

  /** {@code size} keys in folder/, and six around it, in bucket b. */
  private static void fill(Connection c, int size) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO objects (bucket, key, storage_id, size, etag, part_count, created_at,"
              + " updated_at) SELECT 'b', convert_to('folder/' || lpad(g::text, 7, '0'), 'UTF8'),"
              + " 's' || g, g, 'e', 0, 0, 0 FROM generate_series(0, "
              + (size - 1)
              + ") g");
      s.execute(
          "INSERT INTO objects (bucket, key, storage_id, size, etag, part_count, created_at,"
              + " updated_at) SELECT 'b', convert_to(k, 'UTF8'), k, 1, 'e', 0, 0, 0 FROM"
              + " unnest(ARRAY['a', 'folder', 'folder0', 'zz/1', 'zz/2', 'zzz']) k");
      s.execute("ANALYZE objects");
    }
  }
}
