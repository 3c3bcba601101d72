package io.coffer.model;

import org.jspecify.annotations.Nullable;

/** A bucket's versioning state, as S3 defines it: once enabled, a bucket is never unversioned. */
public enum Versioning {
  /** Never enabled: every write replaces the key's one ("null") version. */
  UNVERSIONED(null),
  /** Every write adds a version; DeleteObject adds a delete marker. */
  ENABLED("Enabled"),
  /** Writes replace the "null" version; versions made while enabled stay. */
  SUSPENDED("Suspended");

  private final @Nullable String status;

  Versioning(@Nullable String status) {
    this.status = status;
  }

  /** The status as S3 names it ({@code Enabled}, {@code Suspended}), null when never versioned. */
  public @Nullable String status() {
    return status;
  }

  /** Whether versions other than "null" may exist (the bucket was versioned at some point). */
  public boolean everVersioned() {
    return this != UNVERSIONED;
  }

  /** {@code Enabled} or {@code Suspended}; null for anything else. */
  public static @Nullable Versioning ofStatus(String status) {
    return switch (status) {
      case "Enabled" -> ENABLED;
      case "Suspended" -> SUSPENDED;
      default -> null;
    };
  }
}
