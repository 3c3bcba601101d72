package io.coffer.crypto;

import io.coffer.meta.MetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The key store of a single Coffer: a master key in the data directory (or from
 * COFFER_KMS_MASTER_KEY) and named keys in the metadata store, sealed by it.
 */
public final class BuiltInKeyService implements KeyService {
  private final MetadataStore store;

  /**
   * @param dataDir the data directory, where the master key file is created at first start
   * @param masterKeyEnv COFFER_KMS_MASTER_KEY's value ({@code name:base64}), or null
   */
  public BuiltInKeyService(MetadataStore store, Path dataDir, @Nullable String masterKeyEnv) {
    this.store = store;
  }

  @Override
  public DataKey newDataKey(SseRequest request) {
    throw new CofferException(ErrorCode.NOT_IMPLEMENTED, "Encryption at rest is not implemented.");
  }

  @Override
  public DataKey open(Encryption encryption, @Nullable CustomerKey customerKey) {
    throw new CofferException(ErrorCode.NOT_IMPLEMENTED, "Encryption at rest is not implemented.");
  }

  @Override
  public KmsKey createKey(String name) {
    throw new CofferException(ErrorCode.NOT_IMPLEMENTED, "KMS keys are not implemented.");
  }

  @Override
  public List<KmsKey> keys() {
    return store.listKmsKeys();
  }

  @Override
  public KmsKey setEnabled(String name, boolean enabled) {
    throw new CofferException(ErrorCode.NOT_IMPLEMENTED, "KMS keys are not implemented.");
  }
}
