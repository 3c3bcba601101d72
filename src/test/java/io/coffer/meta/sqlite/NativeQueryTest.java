package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.Fixtures.inline;
import static io.coffer.meta.Fixtures.multipartObject;
import static io.coffer.meta.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.Credential;
import io.coffer.model.ObjectMeta;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object point read goes through the driver's statement handle ({@link NativeQuery}): it must
 * map a row as the JDBC ResultSet does, and release the statement (and its snapshot) after each
 * read, hit or miss.
 */
class NativeQueryTest {
  @TempDir Path dir;

  @Test
  void pointReadsSeeEveryCommittedWrite() {
    try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("m.db"), false)) {
      Credential alice = store.createCredential("AK", "SK", "alice", T0);
      store.createBucket("b", alice.id(), "r", T0, false);
      for (int i = 0; i < 10; i++) {
        assertThat(store.findObject("b", "absent")).isEmpty();
        Fixtures.put(
            store,
            inline("b", "k", "s" + i, new byte[] {(byte) i}, "e" + i),
            WritePrecondition.NONE);
        // more reads than pooled connections: a statement left stepping would pin a stale snapshot
        for (int r = 0; r < 3 * SqliteWorkers.DIRECT_READERS; r++) {
          ObjectMeta found = store.findObject("b", "k").orElseThrow();
          assertThat(found.etag()).isEqualTo("e" + i);
          assertThat(Fixtures.inlineBytes(found)).containsExactly(i);
        }
      }
    }
  }

  @Test
  void mapsEveryKindOfRowAsTheResultSetDoes() throws Exception {
    Path db = dir.resolve("m.db");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, false)) {
      Credential alice = store.createCredential("AK", "SK", "alice", T0);
      store.createBucket("b", alice.id(), "r", T0, false);
      Fixtures.put(store, object("b", "blob", "s1", 10, "e1"), WritePrecondition.NONE);
      Fixtures.put(
          store, inline("b", "small", "s2", new byte[] {7, 8}, "e2"), WritePrecondition.NONE);
      Fixtures.put(
          store, multipartObject("b", "parts", "s3", 30, "e3-3", 3), WritePrecondition.NONE);
    }
    try (Conn conn =
        Conn.open("jdbc:sqlite:" + db, false, true, new LongAdder(), new HashSet<>())) {
      for (String key : new String[] {"blob", "small", "parts", "absent"}) {
        byte[] k = Keys.utf8(key);
        Optional<ObjectMeta> viaHandle = ObjectSql.find(conn, "b", k);
        PreparedStatement ps =
            conn.raw()
                .prepareStatement(
                    "SELECT "
                        + Rows.OBJECT_COLUMNS
                        + ", (SELECT data FROM inline_bodies WHERE id = inline_id)"
                        + " FROM objects WHERE bucket = ? AND key = ?");
        ps.setString(1, "b");
        ps.setBytes(2, k);
        Optional<ObjectMeta> viaResultSet = Rows.one(ps, rs -> Rows.object(rs, k));
        ps.close();
        assertThat(viaHandle.isPresent()).isEqualTo(!key.equals("absent"));
        assertThat(viaHandle).usingRecursiveComparison().isEqualTo(viaResultSet);
      }
    }
  }
}
