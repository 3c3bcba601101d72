package io.coffer.meta;

import net.jqwik.api.lifecycle.AddLifecycleHook;

/** {@link VersionedCountersProperties} on PostgreSQL (skipped without it, see Stores). */
@AddLifecycleHook(PostgresRequired.class)
class PostgresVersionedCountersPropertyTest extends VersionedCountersProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.POSTGRESQL;
  }
}
