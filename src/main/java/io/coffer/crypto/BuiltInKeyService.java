package io.coffer.crypto;

import io.coffer.crypto.KeySealer.KeyMismatchException;
import io.coffer.crypto.MasterKeys.MasterKey;
import io.coffer.meta.MetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The key store of a single Coffer: master keys in the data directory (or from
 * COFFER_KMS_MASTER_KEY) and named keys in the metadata store, sealed by them.
 *
 * <pre>
 * master key ──seals──► SSE-S3 data key of each object
 *            └─seals──► KMS key material ──seals──► SSE-KMS data key of each object
 * customer key (never kept) ──seals──► SSE-C data key of each object
 * data key ──HKDF(salt)──► the key of each blob (see PackageFormat)
 * </pre>
 *
 * Every seal's associated data names what it is for, so a sealed key copied into another record
 * does not open there.
 */
public final class BuiltInKeyService implements KeyService {
  /** The KMS key SSE-KMS writes use when they name none, created on first use. */
  public static final String DEFAULT_KMS_KEY = "coffer/s3";

  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9/_.-]{1,256}");

  private final MetadataStore store;
  private final MasterKeys masterKeys;
  private final Clock clock;

  /**
   * @param dataDir the data directory, where the master key file is created at first start
   * @param masterKeyEnv COFFER_KMS_MASTER_KEY's value ({@code name:base64}), or null
   */
  public BuiltInKeyService(MetadataStore store, Path dataDir, @Nullable String masterKeyEnv) {
    this(store, MasterKeys.load(dataDir, masterKeyEnv), Clock.systemUTC());
  }

  BuiltInKeyService(MetadataStore store, MasterKeys masterKeys, Clock clock) {
    this.store = store;
    this.masterKeys = masterKeys;
    this.clock = clock;
  }

  @Override
  public DataKey newDataKey(SseRequest request) {
    byte[] dataKey = Random32.key();
    Encryption encryption =
        switch (request) {
          case SseRequest.None none ->
              throw new IllegalArgumentException("no encryption was asked for");
          case SseRequest.S3 s3 -> {
            MasterKey master = masterKeys.current();
            yield new Encryption(
                Encryption.Mode.S3,
                master.name(),
                KeySealer.seal(master.key(), dataKey, aad(Encryption.Mode.S3, master.name(), null)),
                null,
                false,
                null);
          }
          case SseRequest.Kms kms -> {
            String name = kms.keyId() == null ? defaultKmsKey() : kms.keyId();
            byte[] material = material(name);
            yield new Encryption(
                Encryption.Mode.KMS,
                name,
                KeySealer.seal(material, dataKey, aad(Encryption.Mode.KMS, name, kms.context())),
                kms.context(),
                kms.bucketKeyEnabled(),
                null);
          }
          case SseRequest.Customer customer -> {
            byte[] key = customer.key().key();
            requireAes256(key);
            yield new Encryption(
                Encryption.Mode.CUSTOMER,
                "",
                KeySealer.seal(key, dataKey, aad(Encryption.Mode.CUSTOMER, "", null)),
                null,
                false,
                CustomerKeyCheck.of(key));
          }
        };
    return new DataKey(dataKey, encryption);
  }

  @Override
  public DataKey open(Encryption encryption, @Nullable CustomerKey customerKey) {
    String aad = aad(encryption.mode(), encryption.keyId(), encryption.kmsContext());
    byte[] sealingKey =
        switch (encryption.mode()) {
          case S3 ->
              masterKeys
                  .find(encryption.keyId())
                  .orElseThrow(() -> missingMasterKey(encryption.keyId()))
                  .key();
          case KMS -> material(encryption.keyId());
          case CUSTOMER -> customerKey(encryption, customerKey);
        };
    try {
      return new DataKey(KeySealer.open(sealingKey, encryption.sealedKey(), aad), encryption);
    } catch (KeyMismatchException e) {
      // The right key by its check (or the master/KMS key named), yet the seal does not open: the
      // stored record was altered. Never served.
      throw new CofferException(
          ErrorCode.INTERNAL_ERROR, "The object's data key does not open with its key.");
    }
  }

  private static byte[] customerKey(Encryption encryption, @Nullable CustomerKey customerKey) {
    if (customerKey == null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The object was stored using a form of Server Side Encryption. The correct parameters"
              + " must be provided to retrieve the object.");
    }
    byte[] check = encryption.customerKeyCheck();
    if (check == null || !CustomerKeyCheck.matches(check, customerKey.key())) {
      throw new CofferException(
          ErrorCode.ACCESS_DENIED,
          "The provided customer key does not match the key the object was stored with.");
    }
    return customerKey.key();
  }

  @Override
  public KmsKey createKey(String name) {
    requireValidName(name);
    MasterKey master = masterKeys.current();
    byte[] sealed = KeySealer.seal(master.key(), Random32.key(), kmsAad(name));
    KmsKey key = new KmsKey(name, master.name(), sealed, true, Instant.now(clock));
    store.createKmsKey(key);
    return key;
  }

  @Override
  public List<KmsKey> keys() {
    return store.listKmsKeys();
  }

  @Override
  public KmsKey setEnabled(String name, boolean enabled) {
    return store.setKmsKeyEnabled(name, enabled).orElseThrow(() -> notFound(name));
  }

  /** A named key's material, if it exists and is enabled. */
  private byte[] material(String name) {
    KmsKey key = store.findKmsKey(name).orElseThrow(() -> notFound(name));
    if (!key.enabled()) {
      throw new CofferException(ErrorCode.KMS_DISABLED, "The KMS key " + name + " is disabled.");
    }
    MasterKey master =
        masterKeys.find(key.masterKeyId()).orElseThrow(() -> missingMasterKey(key.masterKeyId()));
    try {
      return KeySealer.open(master.key(), key.sealedMaterial(), kmsAad(name));
    } catch (KeyMismatchException e) {
      throw new CofferException(
          ErrorCode.INTERNAL_ERROR,
          "The KMS key " + name + " does not open with master key " + master.name() + ".");
    }
  }

  /** The default KMS key, created the first time a write needs it. */
  private String defaultKmsKey() {
    if (store.findKmsKey(DEFAULT_KMS_KEY).isEmpty()) {
      try {
        createKey(DEFAULT_KMS_KEY);
      } catch (CofferException e) {
        if (e.code() != ErrorCode.KMS_KEY_EXISTS) {
          throw e; // else another write created it first
        }
      }
    }
    return DEFAULT_KMS_KEY;
  }

  /** Checks a KMS key's name (the management API's create). */
  public static void requireValidName(String name) {
    if (!KEY_NAME.matcher(name).matches()) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "A KMS key name is 1 to 256 characters of A-Z a-z 0-9 / _ . -");
    }
  }

  private static void requireAes256(byte[] key) {
    if (key.length != 32) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "The secret key was invalid for the specified algorithm.");
    }
  }

  private static String aad(Encryption.Mode mode, String keyId, @Nullable String context) {
    return "coffer data key v1\0"
        + mode
        + "\0"
        + keyId
        + "\0"
        + Objects.requireNonNullElse(context, "");
  }

  private static String kmsAad(String name) {
    return "coffer kms key v1\0" + name;
  }

  private static CofferException notFound(String name) {
    return new CofferException(ErrorCode.KMS_NOT_FOUND, "The KMS key " + name + " does not exist.");
  }

  private static CofferException missingMasterKey(String name) {
    return new CofferException(
        ErrorCode.INTERNAL_ERROR,
        "The master key "
            + name
            + " is not configured (COFFER_KMS_MASTER_KEY or .coffer/master.key).");
  }
}
