package io.coffer.model;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's default retention rule: new versions written without a retention of their own are
 * retained in {@code mode} for {@code days} or {@code years} (exactly one of the two is set).
 */
public record DefaultRetention(
    RetentionMode mode, @Nullable Integer days, @Nullable Integer years) {

  /** The retain-until date of a version written at {@code now}. */
  public Instant retainUntil(Instant now) {
    var at = now.atOffset(ZoneOffset.UTC);
    return (days != null ? at.plusDays(days) : at.plusYears(years == null ? 0 : years)).toInstant();
  }
}
