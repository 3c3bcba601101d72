package io.coffer.crypto;

import io.coffer.model.Encryption;

/**
 * An object's data key in the clear, held in memory only for the request that uses it, and the
 * {@link Encryption} that is stored with the object to recover it.
 */
public record DataKey(byte[] key, Encryption encryption) {
  @Override
  public String toString() {
    return "DataKey[" + encryption.mode() + "]";
  }
}
