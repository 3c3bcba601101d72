package io.coffer.blob;

import java.io.IOException;

/**
 * A blob could not be written because the storage itself cannot take it — out of space, or not
 * writable — rather than because of this one write. The caller answers with a retryable error and
 * keeps what was stored before.
 */
public final class StorageUnavailableException extends IOException {
  /** Why the storage cannot take writes. */
  public enum Reason {
    FULL,
    NOT_WRITABLE
  }

  private final Reason reason;

  public StorageUnavailableException(Reason reason, IOException cause) {
    super(
        "storage "
            + (reason == Reason.FULL ? "is full" : "is not writable")
            + ": "
            + cause.getMessage(),
        cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
