package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.model.CofferException;
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

  @Test
  void aDatabaseWithANewerSchemaIsRefused() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create()) {
      PostgresMetadataStore.open(database.url(), null, "node-a").close();
      try (Connection c = database.connect();
          Statement s = c.createStatement()) {
        s.execute("UPDATE schema_version SET version = " + (Schema.VERSION + 1));
      }
      assertThatThrownBy(() -> PostgresMetadataStore.open(database.url(), null, "node-a"))
          .isInstanceOf(CofferException.class)
          .hasMessageContaining("newer than this Coffer");
    }
  }
}
