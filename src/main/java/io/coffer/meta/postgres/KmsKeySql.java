package io.coffer.meta.postgres;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import io.coffer.model.StoreChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The kms_keys table: the named keys of the built-in key store. Every change is published as {@link
 * StoreChange.Kind#KMS_KEY}, so other nodes' key caches forget the key.
 */
final class KmsKeySql {
  private static final String COLUMNS = "name, master_key_id, sealed_material, enabled, created_at";

  private KmsKeySql() {}

  static void create(Tx tx, KmsKey key) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "INSERT INTO kms_keys ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING");
    ps.setString(1, key.name());
    ps.setString(2, key.masterKeyId());
    ps.setBytes(3, key.sealedMaterial());
    ps.setBoolean(4, key.enabled());
    ps.setLong(5, key.createdAt().toEpochMilli());
    if (ps.executeUpdate() == 0) {
      throw new CofferException(
          ErrorCode.KMS_KEY_EXISTS, "A KMS key named " + key.name() + " already exists.");
    }
    changed(tx, key.name());
  }

  static List<KmsKey> list(Tx tx) throws SQLException {
    return Results.all(tx.ps("SELECT " + COLUMNS + " FROM kms_keys ORDER BY name"), KmsKeySql::key);
  }

  static Optional<KmsKey> find(Tx tx, String name) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT " + COLUMNS + " FROM kms_keys WHERE name = ?");
    ps.setString(1, name);
    return Results.one(ps, KmsKeySql::key);
  }

  static Optional<KmsKey> setEnabled(Tx tx, String name, boolean enabled) throws SQLException {
    PreparedStatement ps =
        tx.ps("UPDATE kms_keys SET enabled = ? WHERE name = ? RETURNING " + COLUMNS);
    ps.setBoolean(1, enabled);
    ps.setString(2, name);
    Optional<KmsKey> key = Results.one(ps, KmsKeySql::key);
    if (key.isPresent()) {
      changed(tx, name);
    }
    return key;
  }

  /** Compare-and-set: only when the stored key is still {@code expected}. */
  static Optional<KmsKey> reseal(Tx tx, KmsKey expected, String masterKeyId, byte[] sealed)
      throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "UPDATE kms_keys SET master_key_id = ?, sealed_material = ?"
                + " WHERE name = ? AND master_key_id = ? AND sealed_material = ? RETURNING "
                + COLUMNS);
    ps.setString(1, masterKeyId);
    ps.setBytes(2, sealed);
    ps.setString(3, expected.name());
    ps.setString(4, expected.masterKeyId());
    ps.setBytes(5, expected.sealedMaterial());
    Optional<KmsKey> key = Results.one(ps, KmsKeySql::key);
    if (key.isPresent()) {
      changed(tx, expected.name());
    }
    return key;
  }

  private static void changed(Tx tx, String name) throws SQLException {
    Changes.publish(tx, new StoreChange(StoreChange.Kind.KMS_KEY, name));
  }

  private static KmsKey key(ResultSet rs) throws SQLException {
    return new KmsKey(
        rs.getString(1),
        rs.getString(2),
        rs.getBytes(3),
        rs.getBoolean(4),
        Instant.ofEpochMilli(rs.getLong(5)));
  }
}
