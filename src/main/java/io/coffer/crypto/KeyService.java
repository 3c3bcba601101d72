package io.coffer.crypto;

import io.coffer.model.Encryption;
import io.coffer.model.KmsKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The key store: makes a data key for each encrypted object and recovers it later; manages the
 * named KMS keys. Failures are CofferExceptions in S3's terms (KMS.NotFoundException,
 * KMS.DisabledException, AccessDenied for a wrong customer key, ...).
 */
public interface KeyService {

  /** A fresh data key for a new object or upload, sealed as {@code request} asks. */
  DataKey newDataKey(SseRequest request);

  /**
   * Recovers a stored object's data key. For SSE-C the request's key must be the one the object was
   * written with; a missing or different key fails (as AWS: 400 InvalidRequest when absent, 403
   * AccessDenied when it does not match), and nothing is decrypted.
   */
  DataKey open(Encryption encryption, @Nullable CustomerKey customerKey);

  /** Adds a named KMS key with fresh material. */
  KmsKey createKey(String name);

  List<KmsKey> keys();

  /** Enables or disables a named key; NoSuchKey-style failure when it does not exist. */
  KmsKey setEnabled(String name, boolean enabled);
}
