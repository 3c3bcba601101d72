package io.coffer.notify;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Inserts each event as a row with PostgreSQL's JDBC driver, in auto-commit: a send returns once
 * the row is committed. The table is created when missing:
 *
 * <pre>
 * id bigserial primary key, event_time timestamptz, event_name text, bucket text, key text,
 * event jsonb
 * </pre>
 */
final class PostgresSender implements EventSender {
  private static final String TIMEOUT_SECONDS = "10";

  private final PostgresConfig config;
  private volatile @Nullable Connection connection;

  PostgresSender(PostgresConfig config) {
    this.config = config;
  }

  @Override
  public void send(EventMessage message) throws IOException {
    String insert =
        "INSERT INTO "
            + config.table()
            + " (event_time, event_name, bucket, key, event) VALUES (?, ?, ?, ?, ?::jsonb)";
    try (PreparedStatement ps = connected().prepareStatement(insert)) {
      ps.setTimestamp(1, Timestamp.from(eventTime(message.body())));
      ps.setString(2, message.eventName());
      ps.setString(3, message.bucket());
      ps.setString(4, textColumn(message.key()));
      ps.setString(5, new String(message.body(), StandardCharsets.UTF_8));
      ps.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      close();
      throw Failures.retryable("postgresql", e);
    }
  }

  private Connection connected() throws SQLException {
    Connection c = connection;
    if (c != null && !c.isClosed()) {
      return c;
    }
    close();
    Properties properties = new Properties();
    // defaults: parameters in the URL win over these
    properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
    properties.setProperty("socketTimeout", TIMEOUT_SECONDS);
    properties.setProperty("ApplicationName", "coffer");
    String jdbcUrl = jdbcUrl(config.url(), properties);
    if (config.username() != null) {
      properties.setProperty("user", config.username());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    c = new org.postgresql.Driver().connect(jdbcUrl, properties);
    if (c == null) {
      throw new SQLException("the PostgreSQL driver does not take this URL");
    }
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + config.table()
              + " (id bigserial PRIMARY KEY, event_time timestamptz NOT NULL,"
              + " event_name text NOT NULL, bucket text NOT NULL, key text, event jsonb NOT NULL)");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    connection = c;
    return c;
  }

  /**
   * The JDBC URL for a {@code postgresql://user:pass@host:port/db?params} URL (its user information
   * moved into {@code properties}), or the URL itself when it is already a JDBC URL.
   */
  static String jdbcUrl(String url, Properties properties) {
    if (url.startsWith("jdbc:")) {
      return url;
    }
    URI uri = URI.create(url);
    ConfigUrls.UserInfo user = ConfigUrls.userInfo(uri);
    if (user.user() != null) {
      properties.setProperty("user", user.user());
    }
    if (user.password() != null) {
      properties.setProperty("password", user.password());
    }
    String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return "jdbc:postgresql://" + host + path + query;
  }

  /**
   * The key as PostgreSQL text can hold it: U+0000, which S3 keys may contain and text may not, as
   * U+FFFD (an event that could never be inserted would stop the target's queue for good). The
   * {@code event} column keeps the exact key, URL-encoded as the event format has it.
   */
  static @Nullable String textColumn(@Nullable String key) {
    return key == null ? null : key.replace('\0', '\uFFFD');
  }

  /** The event's own time: the record's eventTime, or the test event's Time; now otherwise. */
  static Instant eventTime(byte[] body) {
    try {
      JsonNode doc = ConfigFields.JSON.readTree(body);
      JsonNode time = doc.path("Records").path(0).path("eventTime");
      if (!time.isString()) {
        time = doc.path("Time");
      }
      if (time.isString()) {
        return Instant.parse(time.asString());
      }
    } catch (JacksonException | DateTimeParseException e) {
      // the document is the delivery side's; a time it lacks is the time of insertion
    }
    return Instant.now();
  }

  @Override
  public void close() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // a broken connection may fail to close; it is gone either way
      }
    }
  }
}
