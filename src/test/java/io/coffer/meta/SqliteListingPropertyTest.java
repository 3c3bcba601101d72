package io.coffer.meta;

/** {@link ListingProperties} on SQLite. */
class SqliteListingPropertyTest extends ListingProperties {
  @Override
  Stores.Kind kind() {
    return Stores.Kind.SQLITE;
  }
}
