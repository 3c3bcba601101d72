package io.coffer.meta.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A statement whose parameters have names ({@code :bucket}), for the listings' recursive queries,
 * which use the same value in several places; JDBC only numbers them. A {@code ::} cast is not a
 * parameter. A parameter that may be null needs a cast in the SQL ({@code CAST(:marker AS bytea)}),
 * because a null is sent without a type.
 */
final class NamedSql {
  private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-z_]+)");

  private final String jdbc;
  private final List<String> names;

  private NamedSql(String jdbc, List<String> names) {
    this.jdbc = jdbc;
    this.names = names;
  }

  static NamedSql of(String sql) {
    List<String> names = new ArrayList<>();
    Matcher m = NAME.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(out, "?");
    }
    m.appendTail(out);
    return new NamedSql(out.toString(), List.copyOf(names));
  }

  String jdbc() {
    return jdbc;
  }

  /** The parameters' values by name: Strings, byte arrays, Integers, Longs or null. */
  static final class Args {
    private final Map<String, @Nullable Object> values = new HashMap<>();

    Args put(String name, @Nullable Object value) {
      values.put(name, value);
      return this;
    }
  }

  /** This statement with these values, to run (or, in a test, to EXPLAIN). */
  Bound with(Args args) {
    return new Bound(this, args);
  }

  record Bound(NamedSql sql, Args args) {
    /** The statement (from the transaction's cache) with every parameter bound. */
    PreparedStatement prepare(Tx tx) throws SQLException {
      return sql.bind(tx.ps(sql.jdbc), args);
    }

    /** As {@link #prepare}, with {@code prefix} (EXPLAIN ...) before the SQL. */
    PreparedStatement prepare(Connection c, String prefix) throws SQLException {
      return sql.bind(c.prepareStatement(prefix + sql.jdbc), args);
    }
  }

  private PreparedStatement bind(PreparedStatement ps, Args args) throws SQLException {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!args.values.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      Object value = args.values.get(name);
      int index = i + 1;
      switch (value) {
        case null -> ps.setNull(index, Types.NULL);
        case String s -> ps.setString(index, s);
        case byte[] b -> ps.setBytes(index, b);
        case Integer n -> ps.setInt(index, n);
        case Long n -> ps.setLong(index, n);
        default -> throw new IllegalArgumentException("cannot bind " + value.getClass());
      }
    }
    return ps;
  }
}
