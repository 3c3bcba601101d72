package io.coffer.meta;

import net.jqwik.api.lifecycle.AddLifecycleHook;

/** {@link ListingProperties} on PostgreSQL (skipped without it, see Stores). */
@AddLifecycleHook(PostgresRequired.class)
class PostgresListingPropertyTest extends ListingProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.POSTGRESQL;
  }
}
