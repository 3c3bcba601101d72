package io.coffer.meta.sqlite;

import static io.coffer.meta.rows.Rows.PRESIGNED_COLUMNS;

import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.PresignedUrl;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The presigned_urls table: URLs issued by the management API, tracked by their hash. */
final class PresignedUrlSql {
  private PresignedUrlSql() {}

  static PresignedUrl create(
      Conn c,
      String hash,
      String bucket,
      String key,
      String method,
      long credentialId,
      Instant expiresAt,
      Instant now)
      throws SQLException {
    String accessKey = CredentialSql.requireAccessKey(c, credentialId);
    PreparedStatement ps =
        c.ps(
            "INSERT INTO presigned_urls (hash, bucket, key, method, credential_id, access_key,"
                + " expires_at, created_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"
                + " RETURNING "
                + PRESIGNED_COLUMNS);
    ps.setString(1, hash);
    ps.setString(2, bucket);
    ps.setString(3, key);
    ps.setString(4, method);
    ps.setLong(5, credentialId);
    ps.setString(6, accessKey);
    ps.setLong(7, expiresAt.toEpochMilli());
    ps.setLong(8, now.toEpochMilli());
    return Rows.one(ps, Rows::presignedUrl).orElseThrow();
  }

  static Optional<PresignedUrl> findByHash(Conn c, String hash) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT " + PRESIGNED_COLUMNS + " FROM presigned_urls WHERE hash = ?");
    ps.setString(1, hash);
    return Rows.one(ps, Rows::presignedUrl);
  }

  static List<PresignedUrl> list(Conn c) throws SQLException {
    return Rows.all(
        c.ps("SELECT " + PRESIGNED_COLUMNS + " FROM presigned_urls ORDER BY id"),
        Rows::presignedUrl);
  }

  static void revoke(Conn c, long id) throws SQLException {
    PreparedStatement ps = c.ps("UPDATE presigned_urls SET revoked = 1 WHERE id = ?");
    ps.setLong(1, id);
    if (ps.executeUpdate() == 0) {
      throw new CofferException(ErrorCode.NO_SUCH_PRESIGNED_URL);
    }
  }

  static void revokeAllOf(Conn c, long credentialId) throws SQLException {
    PreparedStatement ps =
        c.ps("UPDATE presigned_urls SET revoked = 1 WHERE credential_id = ? AND revoked = 0");
    ps.setLong(1, credentialId);
    ps.executeUpdate();
  }
}
