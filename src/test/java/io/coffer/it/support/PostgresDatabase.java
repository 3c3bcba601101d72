package io.coffer.it.support;

import io.coffer.it.support.Brokers.Broker;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A new, empty database on the machine's PostgreSQL (127.0.0.1:5432, user {@code postgres}, trust
 * authentication, as on CI), dropped on {@link #close}. {@link #create} fails or skips the calling
 * test when PostgreSQL does not answer, as {@link Brokers#require} says.
 */
public final class PostgresDatabase implements AutoCloseable {
  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String USER = "postgres";
  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  public static PostgresDatabase create() {
    Brokers.require(Broker.POSTGRESQL);
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String name = "coffer_test_" + HexFormat.of().formatHex(random);
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new PostgresDatabase(name);
  }

  /** The URL Coffer takes ({@code --metadata}). */
  public String url() {
    return "postgresql://" + USER + "@127.0.0.1:5432/" + name;
  }

  /** The same database as a JDBC URL, for a test's own queries (user {@link #user()}). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:5432/" + name;
  }

  public String user() {
    return USER;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, "");
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name, e);
    }
  }
}
