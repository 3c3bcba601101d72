package io.coffer.notify;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A PostgreSQL target: each event is a row inserted (and committed) into {@code table}, created
 * when missing with the columns {@code event_time, event_name, bucket, key, event jsonb}.
 *
 * @param url {@code postgresql://user:pass@host:5432/db?params} ({@code postgres://} too) or a JDBC
 *     URL {@code jdbc:postgresql://host/db?user=…&password=…}
 * @param table a table name, optionally schema-qualified ({@code events}, {@code audit.events})
 */
record PostgresConfig(
    String url, String table, @Nullable String username, @Nullable String password) {

  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,62}";

  static PostgresConfig parse(String json) {
    ConfigFields f = ConfigFields.parse(json);
    String url = f.requiredString("url");
    if (!url.startsWith("jdbc:postgresql:")) {
      ConfigUrls.parse("url", url, Set.of("postgresql", "postgres"));
    }
    String table = f.requiredString("table");
    if (!table.matches(IDENTIFIER + "(\\." + IDENTIFIER + ")?")) {
      throw new IllegalArgumentException(
          "config.table must be a table name (letters, digits, '_'; optionally schema.table)");
    }
    PostgresConfig config =
        new PostgresConfig(url, table, f.optionalString("username"), f.optionalString("password"));
    f.finish();
    if (config.password != null && config.username == null && url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("config.password needs config.username");
    }
    return config;
  }

  String toJson() {
    ObjectNode o = ConfigFields.newObject();
    o.put("url", url);
    o.put("table", table);
    ConfigFields.putIfPresent(o, "username", username);
    ConfigFields.putIfPresent(o, "password", password);
    return o.toString();
  }

  @Override
  public String toString() {
    return "PostgresConfig[url=" + ConfigUrls.redact(url) + ", table=" + table + "]";
  }
}
