package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Keys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing with the delimiter skip-scan: rows are stepped in key order; a key with the
 * delimiter after the prefix yields its common prefix, and the scan then seeks past every key
 * starting with it (one new indexed range query), so a "folder" of any size costs one seek. Shared
 * by object listings and upload listings.
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
    static Range of(String prefix, @Nullable String delimiter, @Nullable String after) {
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
  }

  @FunctionalInterface
  interface KeyedRowMapper<R> {
    R map(ResultSet rs, byte[] key) throws SQLException;
  }

  /** Opens a cursor over the rows with keys in [from, to), in key order. */
  @FunctionalInterface
  interface RangeSource<R> {
    RowCursor<R> open(byte[] fromInclusive, byte[] toExclusive) throws SQLException;
  }

  /** Steps a result set lazily (SQLite produces rows on demand, so stopping early is free). */
  static final class RowCursor<R> implements AutoCloseable {
    private final ResultSet rs;
    private final int keyColumn;
    private final KeyedRowMapper<R> mapper;
    private byte @Nullable [] key;

    RowCursor(ResultSet rs, int keyColumn, KeyedRowMapper<R> mapper) {
      this.rs = rs;
      this.keyColumn = keyColumn;
      this.mapper = mapper;
    }

    boolean next() throws SQLException {
      key = null;
      return rs.next();
    }

    byte[] key() throws SQLException {
      if (key == null) {
        key = rs.getBytes(keyColumn);
      }
      return key;
    }

    R row() throws SQLException {
      return mapper.map(rs, key());
    }

    @Override
    public void close() throws SQLException {
      rs.close();
    }
  }

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

  /**
   * Scans one page.
   *
   * @param initial rows to consider before the range (listUploads: later uploads of the marker key)
   */
  static <R> Page<R> scan(
      RangeSource<R> source, @Nullable RowCursor<R> initial, Range range, int max)
      throws SQLException {
    List<R> items = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    R lastItem = null;
    String lastPrefix = null;
    boolean truncated = false;
    int count = 0;
    byte[] from = range.from();
    byte[] delim = range.delimiter();
    int prefixLength = range.prefix().length;
    RowCursor<R> cursor = initial;
    boolean initialPhase = initial != null;
    try {
      scan:
      while (true) {
        if (cursor == null) {
          if (Keys.compare(from, range.upper()) >= 0) {
            break;
          }
          cursor = source.open(from, range.upper());
        }
        boolean seek = false;
        while (cursor.next()) {
          byte[] key = cursor.key();
          int d = delim == null ? -1 : Keys.indexOf(key, delim, prefixLength);
          if (d < 0) {
            if (count == max) {
              truncated = true;
              break scan;
            }
            lastItem = cursor.row();
            lastPrefix = null;
            items.add(lastItem);
            count++;
            continue;
          }
          byte[] common = Arrays.copyOf(key, d + Objects.requireNonNull(delim).length);
          if (range.after() == null || Keys.compare(common, range.after()) > 0) {
            if (count == max) {
              truncated = true;
              break scan;
            }
            lastPrefix = Keys.string(common);
            prefixes.add(lastPrefix);
            count++;
          }
          byte[] past = Keys.prefixUpperBound(common);
          if (Keys.compare(past, from) > 0) {
            from = past;
          }
          seek = true;
          break;
        }
        cursor.close();
        cursor = null;
        if (!seek && !initialPhase) {
          break;
        }
        initialPhase = false;
      }
    } finally {
      if (cursor != null) {
        cursor.close();
      }
    }
    return new Page<>(items, prefixes, truncated, lastItem, lastPrefix);
  }
}
