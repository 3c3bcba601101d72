package io.coffer.meta.postgres;

import io.coffer.meta.rows.Keys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The delimiter skip-scan of the listings, as in the SQLite store, done in one statement: a
 * recursive query walks the key index one row at a time, and after a key with the delimiter after
 * the prefix it seeks straight past every key starting with that common prefix, so a "folder" of
 * any size costs one index descent. On SQLite each seek is a statement of its own (a cheap call
 * into the library); here it would be a round trip to the database, so the walk runs inside it and
 * a page is one statement whatever it holds.
 *
 * <p>The walk returns the rows it stepped on in key order (at most {@link #walkLimit} of them);
 * this class turns them into the page exactly as SQLite's scan does: common prefixes, items, the
 * max-keys bound and the marker.
 */
final class SkipScan {
  private SkipScan() {}

  /**
   * The byte range of a listing: keys from {@code from} (inclusive) to {@code upper} (exclusive),
   * all starting with {@code prefix}, grouped by {@code delimiter}, entries after {@code after}.
   */
  record Range(
      byte[] prefix,
      byte @Nullable [] delimiter,
      byte @Nullable [] after,
      byte[] from,
      byte[] upper) {
    static Range of(@Nullable String prefix, @Nullable String delimiter, @Nullable String after) {
      byte[] p = Keys.utf8(prefix == null ? "" : prefix);
      byte[] d = delimiter == null || delimiter.isEmpty() ? null : Keys.utf8(delimiter);
      byte[] a = after == null ? null : Keys.utf8(after);
      byte[] from = p;
      if (a != null) {
        byte[] succ = Keys.successor(a);
        if (Keys.compare(succ, from) > 0) {
          from = succ;
        }
      }
      return new Range(p, d, a, from, Keys.prefixUpperBound(p));
    }

    boolean empty() {
      return Keys.compare(from, upper) >= 0;
    }

    boolean contains(byte[] key) {
      return Keys.compare(key, prefix) >= 0 && Keys.compare(key, upper) < 0;
    }

    /** Whether {@code key} has the delimiter after the prefix (it belongs to a common prefix). */
    boolean grouped(byte[] key) {
      return delimiter != null && Keys.indexOf(key, delimiter, prefix.length) >= 0;
    }

    /** The walk's parameters: :bucket is the caller's; :from, :upper, :plen, :delim, :limit. */
    NamedSql.Args args(String bucket, int max) {
      return new NamedSql.Args()
          .put("bucket", bucket)
          .put("from", from)
          .put("upper", upper)
          .put("plen", prefix.length)
          .put("delim", delimiter)
          .put("limit", walkLimit(max));
    }
  }

  /**
   * How many rows a walk needs for a page of {@code max} entries: one more than the page, to know
   * whether it is truncated, and one more for a common prefix at or before the marker (the marker
   * is inside it), which is skipped and not counted. Only the first row can be such a prefix: every
   * later one is past it.
   */
  static int walkLimit(int max) {
    return max + 2;
  }

  /**
   * SQL: for the key in {@code c.key} with {@code f.p} the position of the delimiter after the
   * prefix ({@link #DELIMITER_POSITION}), where the walk goes on: just after the key when it has no
   * delimiter, else past every key starting with its common prefix (the prefix's last byte plus
   * one: a UTF-8 byte is at most 0xF4, so this never carries).
   */
  static final String SEEK_PAST =
      "CASE WHEN f.p = 0 THEN c.key || '\\x00'::bytea"
          + " ELSE set_byte(substring(c.key FOR :plen + f.p - 1 + length(CAST(:delim AS bytea))),"
          + " :plen + f.p + length(CAST(:delim AS bytea)) - 2,"
          + " get_byte(c.key, :plen + f.p + length(CAST(:delim AS bytea)) - 2) + 1) END";

  /**
   * SQL: a lateral {@code f.p}, the 1-based position of the delimiter in {@code c.key} after the
   * prefix, 0 when it has none (or there is no delimiter).
   */
  static final String DELIMITER_POSITION =
      " CROSS JOIN LATERAL (SELECT coalesce(position(CAST(:delim AS bytea) IN"
          + " substring(c.key FROM :plen + 1)), 0) AS p) f";

  /** A row the walk stepped on: its place in the walk, its key and what it maps to. */
  record Walked<R>(int n, byte[] key, R row) {}

  record Page<R>(
      List<R> items,
      List<String> prefixes,
      boolean truncated,
      @Nullable R lastItem,
      @Nullable String lastPrefix) {
    static <R> Page<R> empty() {
      return new Page<>(List.of(), List.of(), false, null, null);
    }
  }

  /** The page the walked rows make (in any order: they are put in walk order here). */
  static <R> Page<R> page(List<Walked<R>> walked, Range range, int max) {
    List<Walked<R>> rows = new ArrayList<>(walked);
    rows.sort((a, b) -> Integer.compare(a.n(), b.n()));
    List<R> items = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    R lastItem = null;
    String lastPrefix = null;
    int count = 0;
    for (Walked<R> row : rows) {
      byte[] key = row.key();
      int d = range.delimiter() == null ? -1 : indexOfDelimiter(range, key);
      if (d < 0) {
        if (count == max) {
          return new Page<>(items, prefixes, true, lastItem, lastPrefix);
        }
        lastItem = row.row();
        lastPrefix = null;
        items.add(lastItem);
        count++;
        continue;
      }
      byte[] common = Arrays.copyOf(key, d + Objects.requireNonNull(range.delimiter()).length);
      if (range.after() == null || Keys.compare(common, range.after()) > 0) {
        if (count == max) {
          return new Page<>(items, prefixes, true, lastItem, lastPrefix);
        }
        lastPrefix = Keys.string(common);
        prefixes.add(lastPrefix);
        count++;
      }
    }
    return new Page<>(items, prefixes, false, lastItem, lastPrefix);
  }

  private static int indexOfDelimiter(Range range, byte[] key) {
    return Keys.indexOf(key, Objects.requireNonNull(range.delimiter()), range.prefix().length);
  }
}
