package io.coffer.model;

import java.time.Instant;

/** One version of a key: an object, or a delete marker. */
public sealed interface KeyVersion permits ObjectMeta, DeleteMarker {
  /** The version ID of a version written without versioning (or while suspended). */
  String NULL_VERSION = "null";

  String bucket();

  String key();

  /** The version's ID, {@link #NULL_VERSION} for the null version. */
  String versionId();

  /** When the version was written (Last-Modified). */
  Instant createdAt();
}
