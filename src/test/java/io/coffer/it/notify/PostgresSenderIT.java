package io.coffer.it.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.Brokers;
import io.coffer.it.support.Brokers.Broker;
import io.coffer.model.TargetType;
import io.coffer.notify.EventMessage;
import io.coffer.notify.EventSender;
import io.coffer.notify.EventSenders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL sender against the machine's PostgreSQL, read back over JDBC. */
class PostgresSenderIT {
  private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  private final String table = "coffer_events_" + TestMessages.unique();
  private Connection db;

  @BeforeEach
  void connect() throws Exception {
    Brokers.require(Broker.POSTGRESQL);
    db = DriverManager.getConnection(JDBC);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (db != null) {
      try (Statement s = db.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
      db.close();
    }
  }

  private EventSender sender(String url) {
    return EventSenders.open(
        TestMessages.target(
            TargetType.POSTGRESQL, "{\"url\":\"" + url + "\",\"table\":\"" + table + "\"}"));
  }

  @Test
  void eachEventIsACommittedRowInATableCreatedWhenMissing() throws Exception {
    EventMessage first = TestMessages.message("a b/é.jpg", "01");
    EventMessage second = TestMessages.message("a b/é.jpg", "02");
    try (EventSender sender = sender("postgresql://postgres@127.0.0.1:5432/postgres")) {
      sender.send(first);
      sender.send(second);
    }
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT event_time, event_name, bucket, key, event->'Records'->0->'s3'->'object'->>"
                    + "'sequencer', event::text FROM "
                    + table
                    + " ORDER BY id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getTimestamp(1).toInstant())
          .isEqualTo(Instant.parse("2026-12-06T20:00:00.123Z"));
      assertThat(rs.getString(2)).isEqualTo("ObjectCreated:Put");
      assertThat(rs.getString(3)).isEqualTo("photos");
      assertThat(rs.getString(4)).isEqualTo("a b/é.jpg");
      assertThat(rs.getString(5)).isEqualTo("01");
      assertThat(rs.getString(6)).contains("\"eventVersion\": \"2.1\"");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(5)).isEqualTo("02");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void aJdbcUrlWorksToo() throws Exception {
    try (EventSender sender = sender(JDBC)) {
      sender.send(TestMessages.message("k", "01"));
    }
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void anUnreachableDatabaseIsAFailureToRetry() throws IOException {
    int port = TestMessages.closedPort();
    try (EventSender sender = sender("postgresql://postgres@127.0.0.1:" + port + "/postgres")) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("postgresql");
    }
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedNotStored() throws Exception {
    try (EventSender sender = sender(JDBC)) {
      EventMessage broken =
          new EventMessage(
              "{not json".getBytes(StandardCharsets.UTF_8), "ObjectCreated:Put", "b", "k", "01");
      assertThatThrownBy(() -> sender.send(broken)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aKeyWithANulCharacterStillMakesARow() throws Exception {
    try (EventSender sender = sender(JDBC)) {
      sender.send(
          new EventMessage(
              "{\"Records\":[{\"s3\":{\"object\":{\"key\":\"a%00b\"}}}]}"
                  .getBytes(StandardCharsets.UTF_8),
              "ObjectCreated:Put",
              "b",
              "a\0b",
              "01"));
    }
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT key, event->'Records'->0->'s3'->'object'->>'key' FROM " + table)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("a\uFFFDb");
      assertThat(rs.getString(2)).isEqualTo("a%00b");
    }
  }
}
