package io.coffer.meta;

/** {@link VersionedCountersProperties} on PostgreSQL (skipped without it, see Stores). */
class PostgresVersionedCountersPropertyTest extends VersionedCountersProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.POSTGRESQL;
  }
}
