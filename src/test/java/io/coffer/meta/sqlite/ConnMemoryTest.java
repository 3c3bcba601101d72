package io.coffer.meta.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory defaults every SQLite connection ends up with (docs/deployment.md, "Memory"): the
 * values the per-component RSS table there was measured with. A change here changes that table.
 */
class ConnMemoryTest {
  @TempDir Path dir;

  @Test
  void writerCachesSixteenMebibytesAndMapsNothing() throws Exception {
    try (Conn writer = open(false)) {
      assertThat(pragma(writer, "cache_size")).isEqualTo(-16_384); // KiB
      assertThat(pragma(writer, "mmap_size")).isZero();
    }
  }

  @Test
  void readersCacheSixteenMebibytesAndMapNothing() throws Exception {
    try (Conn writer = open(false);
        Conn reader = open(true)) {
      assertThat(pragma(reader, "cache_size")).isEqualTo(-16_384); // KiB
      assertThat(pragma(reader, "mmap_size")).isZero();
      assertThat(pragma(reader, "query_only")).isEqualTo(1);
    }
  }

  private Conn open(boolean reader) throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("meta.db");
    return Conn.open(url, false, reader, new LongAdder(), ConcurrentHashMap.newKeySet());
  }

  private static long pragma(Conn conn, String name) throws SQLException {
    try (Statement s = conn.raw().createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
