package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a request sees when the database goes away and comes back: a 503 and a WARN line (never the
 * password) while it is unreachable, service again without a restart once it returns; connections
 * an administrator terminates replaced without the request noticing; a statement stuck behind a
 * lock cancelled by the statement timeout, as a 503.
 */
class DatabaseOutageTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private PostgresDatabase database;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger dbLogger = (Logger) LoggerFactory.getLogger(Db.class);

  @BeforeEach
  void open() {
    database = PostgresDatabase.create();
    log.start();
    dbLogger.addAppender(log);
    dbLogger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void close() {
    dbLogger.detachAppender(log);
    dbLogger.setLevel(null);
    database.close();
  }

  @Test
  void anUnreachableDatabaseIsA503LoggedAndServiceResumesWhenItReturns() throws Exception {
    try (TcpForwarder forwarder = new TcpForwarder("127.0.0.1", 5432)) {
      // trust authentication ignores the password; it is here to show it never reaches the log
      String url =
          database
              .url()
              .replace(
                  "postgres@127.0.0.1:5432/",
                  "postgres:s3cret@127.0.0.1:" + forwarder.port() + "/");
      try (PostgresMetadataStore store = PostgresMetadataStore.open(url, null, "node-1")) {
        store.createCredential("AKBEFORE", "secret", "before", T0);

        forwarder.cut();
        long started = System.nanoTime();
        assertUnavailable(() -> store.findCredentialByAccessKey("AKBEFORE"));
        assertUnavailable(() -> store.createCredential("AKDURING", "secret", "during", T0));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isLessThan(Db.CONNECT_TIMEOUT.multipliedBy(2).plusSeconds(5));
        assertThat(messages(Level.WARN)).anyMatch(m -> m.contains("metadata database unavailable"));

        forwarder.restore();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
          try {
            assertThat(store.findCredentialByAccessKey("AKBEFORE")).isPresent();
            break;
          } catch (CofferException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(200);
          }
        }
        assertThat(store.createCredential("AKAFTER", "secret", "after", T0).accessKey())
            .isEqualTo("AKAFTER");
        assertThat(store.findCredentialByAccessKey("AKDURING")).isEmpty();
        assertThat(messages(Level.INFO)).anyMatch(m -> m.contains("reachable again"));
      }
      assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains("s3cret"));
    }
  }

  @Test
  void connectionsTerminatedByAnAdministratorAreReplacedWithoutFailingRequests() throws Exception {
    try (PostgresMetadataStore store = PostgresMetadataStore.open(database.url(), null, "node-t");
        ExecutorService pool = Executors.newFixedThreadPool(Db.POOL_SIZE)) {
      store.createCredential("AKT", "secret", "t", T0);
      runConcurrently(pool, i -> store.findCredentialByAccessKey("AKT").orElseThrow());
      int terminated;
      try (Connection admin = database.connect();
          PreparedStatement ps =
              admin.prepareStatement(
                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                      + " WHERE datname = current_database() AND application_name = ?")) {
        ps.setString(1, "coffer node-t");
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          terminated = rs.getInt(1);
        }
      }
      assertThat(terminated).isGreaterThan(1);
      // Right away, while the pool still believes in its connections: nothing fails.
      runConcurrently(
          pool,
          i -> {
            store.createKmsKey(new KmsKey("key-" + i, "m1", new byte[] {1}, true, T0));
            return store.findKmsKey("key-" + i).orElseThrow();
          });
      assertThat(store.listKmsKeys()).hasSize(Db.POOL_SIZE);
    }
  }

  @Test
  void aStatementStuckLongerThanTheStatementTimeoutIsA503() throws Exception {
    try (Db db =
        Db.connect(PostgresUrl.parse(database.url(), null), "node-s", Duration.ofSeconds(1))) {
      Schema.migrate(db);
      db.writeVoid(tx -> KmsKeySql.create(tx, new KmsKey("k", "m1", new byte[] {1}, true, T0)));
      try (Connection admin = database.connect();
          Statement s = admin.createStatement()) {
        admin.setAutoCommit(false);
        s.executeQuery("SELECT * FROM kms_keys WHERE name = 'k' FOR UPDATE").close();
        long started = System.nanoTime();
        assertThatThrownBy(() -> db.write(tx -> KmsKeySql.setEnabled(tx, "k", false)))
            .isInstanceOfSatisfying(
                CofferException.class,
                e -> {
                  assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                  assertThat(e.getMessage()).contains("did not answer in time");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        admin.rollback();
      }
      assertThat(messages(Level.WARN)).anyMatch(m -> m.contains("statement cancelled"));
      assertThat(db.write(tx -> KmsKeySql.setEnabled(tx, "k", false)).orElseThrow().enabled())
          .isFalse();
    }
  }

  @FunctionalInterface
  private interface Request {
    Object run(int i) throws Exception;
  }

  private static void runConcurrently(ExecutorService pool, Request request) throws Exception {
    List<Future<Object>> done = new ArrayList<>();
    for (int i = 0; i < Db.POOL_SIZE; i++) {
      int n = i;
      done.add(pool.submit(() -> request.run(n)));
    }
    for (Future<Object> f : done) {
      f.get();
    }
  }

  private List<String> messages(Level level) {
    return log.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static void assertUnavailable(Runnable request) {
    assertThatThrownBy(request::run)
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
  }
}
