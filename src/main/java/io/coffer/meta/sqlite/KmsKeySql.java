package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The kms_keys table: the named keys of the built-in key store. */
final class KmsKeySql {
  private static final String COLUMNS = "name, master_key_id, sealed_material, enabled, created_at";

  private KmsKeySql() {}

  static void create(Conn c, KmsKey key) throws SQLException {
    if (find(c, key.name()).isPresent()) {
      throw new CofferException(
          ErrorCode.KMS_KEY_EXISTS, "A KMS key named " + key.name() + " already exists.");
    }
    PreparedStatement ps = c.ps("INSERT INTO kms_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
    ps.setString(1, key.name());
    ps.setString(2, key.masterKeyId());
    ps.setBytes(3, key.sealedMaterial());
    ps.setInt(4, key.enabled() ? 1 : 0);
    ps.setLong(5, key.createdAt().toEpochMilli());
    ps.executeUpdate();
  }

  static List<KmsKey> list(Conn c) throws SQLException {
    return Rows.all(c.ps("SELECT " + COLUMNS + " FROM kms_keys ORDER BY name"), KmsKeySql::key);
  }

  static Optional<KmsKey> find(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + COLUMNS + " FROM kms_keys WHERE name = ?");
    ps.setString(1, name);
    return Rows.one(ps, KmsKeySql::key);
  }

  static Optional<KmsKey> setEnabled(Conn c, String name, boolean enabled) throws SQLException {
    PreparedStatement ps = c.ps("UPDATE kms_keys SET enabled = ? WHERE name = ?");
    ps.setInt(1, enabled ? 1 : 0);
    ps.setString(2, name);
    ps.executeUpdate();
    return find(c, name);
  }

  static Optional<KmsKey> reseal(Conn c, KmsKey expected, String masterKeyId, byte[] sealed)
      throws SQLException {
    PreparedStatement ps =
        c.ps(
            "UPDATE kms_keys SET master_key_id = ?, sealed_material = ?"
                + " WHERE name = ? AND master_key_id = ? AND sealed_material = ?");
    ps.setString(1, masterKeyId);
    ps.setBytes(2, sealed);
    ps.setString(3, expected.name());
    ps.setString(4, expected.masterKeyId());
    ps.setBytes(5, expected.sealedMaterial());
    return ps.executeUpdate() == 1 ? find(c, expected.name()) : Optional.empty();
  }

  private static KmsKey key(ResultSet rs) throws SQLException {
    return new KmsKey(
        rs.getString(1),
        rs.getString(2),
        rs.getBytes(3),
        rs.getInt(4) != 0,
        Instant.ofEpochMilli(rs.getLong(5)));
  }
}
