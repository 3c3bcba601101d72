package io.coffer.meta;

/** {@link VersionedCountersProperties} on SQLite. */
class SqliteVersionedCountersPropertyTest extends VersionedCountersProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.SQLITE;
  }
}
