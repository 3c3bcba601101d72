package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresSchemaTest {

  @Test
  void createsTheSchemaOnceAndRecordsItsVersion() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create()) {
      PostgresMetadataStore.open(database.url(), null, "node-a").close();
      PostgresMetadataStore.open(database.url(), null, "node-b").close(); // already there
      try (Connection c = database.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(Schema.VERSION);
      }
    }
  }
}
