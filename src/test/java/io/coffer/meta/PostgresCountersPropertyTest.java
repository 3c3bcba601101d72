package io.coffer.meta;

/** {@link CountersProperties} on PostgreSQL (skipped without it, see Stores). */
class PostgresCountersPropertyTest extends CountersProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.POSTGRESQL;
  }
}
