package io.coffer.meta;

/** {@link ListingProperties} on PostgreSQL (skipped without it, see Stores). */
class PostgresListingPropertyTest extends ListingProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.POSTGRESQL;
  }
}
