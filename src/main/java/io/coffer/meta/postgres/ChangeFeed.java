package io.coffer.meta.postgres;

import io.coffer.model.ObjectEvent;
import io.coffer.model.StoreChange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's end of the change feed: one connection of its own (not the pool's) that LISTENs on
 * {@link Changes#CHANNEL} and hands what other nodes committed to this node's caches and live
 * listeners. When the connection breaks it reconnects (backing off to once a second) and then tells
 * the caches {@link StoreChange#ALL}, since it may have missed changes meanwhile. A backstop tells
 * them ALL every {@code backstop} too (a notification lost some other way heals within it), and
 * renews this node's live-listener rows.
 */
final class ChangeFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
  static final Duration BACKSTOP = Duration.ofSeconds(30);

  /** How long one wait for notifications lasts; also how soon close() is noticed. */
  private static final int WAIT_MS = 250;

  /** A silent connection is checked this often (a dead peer is found by the check's timeout). */
  private static final long PING_MS = 5_000;

  private final PostgresUrl url;
  private final Db db;
  private final String nodeId;
  private final long backstopMs;
  private final Thread thread;
  private final CountDownLatch firstListen = new CountDownLatch(1);
  private volatile boolean closed;

  ChangeFeed(PostgresUrl url, Db db, String nodeId, Duration backstop) {
    this.url = url;
    this.db = db;
    this.nodeId = nodeId;
    this.backstopMs = backstop.toMillis();
    this.thread = Thread.ofPlatform().name("coffer-change-feed").daemon().unstarted(this::run);
  }

  /** Starts listening; returns once the first LISTEN is in place (or failed, and is retried). */
  void start() {
    thread.start();
    try {
      if (!firstListen.await(10, TimeUnit.SECONDS)) {
        log.warn("change feed: not listening yet; carrying on");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    boolean interrupted = false;
    long backoff = 50;
    while (!closed) {
      try (Connection c = connect()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + Changes.CHANNEL);
        }
        firstListen.countDown();
        if (interrupted) {
          log.info("change feed: listening again; every node cache forgets what it holds");
          db.changes.tell(StoreChange.ALL);
        }
        interrupted = false;
        backoff = 50;
        refreshListeners(false);
        listen(c);
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          break;
        }
        if (!interrupted) {
          log.warn("change feed interrupted ({}); reconnecting", e.getMessage());
        }
        interrupted = true;
        firstListen.countDown();
        sleep(backoff);
        backoff = Math.min(1_000, backoff * 2);
      }
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    if (url.user() != null) {
      p.setProperty("user", url.user());
    }
    if (url.password() != null) {
      p.setProperty("password", url.password());
    }
    p.setProperty("ApplicationName", "coffer " + nodeId + " change feed");
    p.setProperty("connectTimeout", "5");
    p.setProperty("socketTimeout", "15");
    p.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(url.jdbcUrl(), p);
  }

  private void listen(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    long now = System.currentTimeMillis();
    long nextPing = now + PING_MS;
    long nextBackstop = now + backstopMs;
    while (!closed) {
      PGNotification[] received = pg.getNotifications(WAIT_MS);
      if (received != null) {
        for (PGNotification n : received) {
          handle(n.getParameter());
        }
      }
      now = System.currentTimeMillis();
      if (received == null || received.length == 0) {
        if (now >= nextPing) {
          try (Statement s = c.createStatement()) {
            s.execute("SELECT 1");
          }
          nextPing = now + PING_MS;
        }
      } else {
        nextPing = now + PING_MS;
      }
      if (now >= nextBackstop) {
        db.changes.tell(StoreChange.ALL);
        refreshListeners(true);
        nextBackstop = now + backstopMs;
      }
    }
  }

  private void handle(String payload) {
    FeedMessage.Parsed message = FeedMessage.parse(payload);
    String self = db.events.origin;
    // if/else rather than guarded cases: the build's formatter runs on Java 17, which cannot
    // parse them. A node's own change or event was told after its commit already.
    if (message == null) {
      log.debug("change feed: a message this node does not know: {}", payload);
    } else if (message instanceof FeedMessage.Change c) {
      if (!c.origin().equals(self)) {
        db.changes.tell(c.change());
      }
    } else if (message instanceof FeedMessage.Event e) {
      Consumer<ObjectEvent> listener = db.events.listener;
      if (!e.origin().equals(self) && listener != null) {
        OutboxSql.tell(listener, e.event());
      }
    } else if (message instanceof FeedMessage.ListenersChanged) {
      refreshListeners(false);
    }
  }

  /**
   * Reads which buckets live listeners hear, on any node; with {@code renew}, first writes this
   * node's rows again (they expire otherwise, and a failed write of them heals here).
   */
  private void refreshListeners(boolean renew) {
    EventOptions events = db.events;
    try {
      Set<String> here = events.listenedHere;
      if (renew && here != null) {
        db.writeVoid(
            tx -> {
              LiveListenerSql.forgetExpired(tx);
              LiveListenerSql.replace(tx, events.origin, here, false);
            });
      }
      events.listenedAnywhere = db.read(LiveListenerSql::load);
    } catch (RuntimeException e) {
      log.debug("change feed: could not read the live listeners", e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true; // noticed within one wait
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
