package io.coffer.crypto;

import java.io.IOException;

/**
 * Encrypted bytes that fail authentication: altered, truncated, reordered, or read with another
 * key. Nothing of a package that fails is ever returned.
 */
public final class TamperedDataException extends IOException {
  private static final long serialVersionUID = 1L;

  public TamperedDataException(String message) {
    super("encrypted data failed authentication: " + message);
  }
}
