package io.coffer.meta;

import net.jqwik.api.lifecycle.AddLifecycleHook;

/** {@link CountersProperties} on PostgreSQL (skipped without it, see Stores). */
@AddLifecycleHook(PostgresRequired.class)
class PostgresCountersPropertyTest extends CountersProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.POSTGRESQL;
  }
}
