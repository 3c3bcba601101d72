/**
 * How both metadata stores encode a row: keys as bytes, JSON columns, access and feature columns,
 * and the mapping of result rows to model records. One encoding, so {@code coffer migrate} copies
 * SQLite rows into PostgreSQL as they are.
 */
package io.coffer.meta.rows;
