package io.coffer.service;

import io.coffer.blob.StorageUnavailableException;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.IOException;

/** What a client is told when the blob store could not store bytes. */
final class StorageErrors {
  private StorageErrors() {}

  static CofferException of(IOException e) {
    if (e instanceof StorageUnavailableException unavailable) {
      return unavailable.reason() == StorageUnavailableException.Reason.FULL
          ? new CofferException(ErrorCode.STORAGE_FULL, ErrorCode.STORAGE_FULL.defaultMessage(), e)
          : new CofferException(
              ErrorCode.SERVICE_UNAVAILABLE,
              "The server's storage is not writable at the moment.",
              e);
    }
    // The cause names server paths: it is logged with the request ID, never sent to the client.
    return new CofferException(ErrorCode.INTERNAL_ERROR, "The object could not be stored.", e);
  }
}
