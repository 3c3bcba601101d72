package io.coffer.meta.postgres;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.PresignedUrl;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The presigned_urls table: URLs issued by the management API, tracked by their hash. The object
 * key is stored as its UTF-8 bytes, as everywhere in this schema (a key may hold characters that
 * PostgreSQL's text may not).
 */
final class PresignedUrlSql {
  private static final String COLUMNS =
      "id, hash, bucket, key, method, credential_id, access_key, expires_at, created_at, revoked";

  private PresignedUrlSql() {}

  static PresignedUrl create(
      Tx tx,
      String hash,
      String bucket,
      String key,
      String method,
      long credentialId,
      Instant expiresAt,
      Instant now)
      throws SQLException {
    String accessKey = CredentialSql.requireAccessKey(tx, credentialId);
    PreparedStatement ps =
        tx.ps(
            "INSERT INTO presigned_urls (hash, bucket, key, method, credential_id, access_key,"
                + " expires_at, created_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, false)"
                + " RETURNING "
                + COLUMNS);
    ps.setString(1, hash);
    ps.setString(2, bucket);
    ps.setBytes(3, key.getBytes(StandardCharsets.UTF_8));
    ps.setString(4, method);
    ps.setLong(5, credentialId);
    ps.setString(6, accessKey);
    ps.setLong(7, expiresAt.toEpochMilli());
    ps.setLong(8, now.toEpochMilli());
    return Results.one(ps, PresignedUrlSql::presignedUrl).orElseThrow();
  }

  static Optional<PresignedUrl> findByHash(Tx tx, String hash) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT " + COLUMNS + " FROM presigned_urls WHERE hash = ?");
    ps.setString(1, hash);
    return Results.one(ps, PresignedUrlSql::presignedUrl);
  }

  static List<PresignedUrl> list(Tx tx) throws SQLException {
    return Results.all(
        tx.ps("SELECT " + COLUMNS + " FROM presigned_urls ORDER BY id"),
        PresignedUrlSql::presignedUrl);
  }

  static void revoke(Tx tx, long id) throws SQLException {
    PreparedStatement ps = tx.ps("UPDATE presigned_urls SET revoked = true WHERE id = ?");
    ps.setLong(1, id);
    if (ps.executeUpdate() == 0) {
      throw new CofferException(ErrorCode.NO_SUCH_PRESIGNED_URL);
    }
  }

  static void revokeAllOf(Tx tx, long credentialId) throws SQLException {
    PreparedStatement ps =
        tx.ps("UPDATE presigned_urls SET revoked = true WHERE credential_id = ? AND NOT revoked");
    ps.setLong(1, credentialId);
    ps.executeUpdate();
  }

  private static PresignedUrl presignedUrl(ResultSet rs) throws SQLException {
    return new PresignedUrl(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        new String(rs.getBytes(4), StandardCharsets.UTF_8),
        rs.getString(5),
        rs.getLong(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)),
        Instant.ofEpochMilli(rs.getLong(9)),
        rs.getBoolean(10));
  }
}
