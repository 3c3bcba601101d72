package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The object lock state of one version: a retention (mode and date, both or neither) and a legal
 * hold (null when never set). Retention is judged by the server's clock.
 */
public record ObjectLock(
    @Nullable RetentionMode mode, @Nullable Instant retainUntil, @Nullable LegalHold legalHold) {
  public static final ObjectLock NONE = new ObjectLock(null, null, null);

  public boolean legalHoldOn() {
    return legalHold == LegalHold.ON;
  }

  public boolean hasRetention() {
    return mode != null && retainUntil != null;
  }

  /** Whether the retention still runs at {@code now}. */
  public boolean retainedAt(Instant now) {
    return hasRetention() && now.isBefore(retainUntil);
  }

  /**
   * Whether this lock forbids deleting the version (or overwriting it in place) at {@code now}: a
   * legal hold, COMPLIANCE retention, or GOVERNANCE retention without a permitted bypass.
   */
  public boolean protects(Instant now, boolean bypassGovernance) {
    if (legalHoldOn()) {
      return true;
    }
    if (!retainedAt(now)) {
      return false;
    }
    return mode == RetentionMode.COMPLIANCE || !bypassGovernance;
  }

  public ObjectLock withRetention(@Nullable RetentionMode newMode, @Nullable Instant until) {
    return new ObjectLock(newMode, until, legalHold);
  }

  public ObjectLock withLegalHold(@Nullable LegalHold hold) {
    return new ObjectLock(mode, retainUntil, hold);
  }
}
