package io.coffer.meta;

/** {@link CountersProperties} on SQLite. */
class SqliteCountersPropertyTest extends CountersProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.SQLITE;
  }
}
