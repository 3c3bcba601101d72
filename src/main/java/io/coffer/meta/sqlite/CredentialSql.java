package io.coffer.meta.sqlite;

import static io.coffer.meta.rows.Rows.CREDENTIAL_COLUMNS;

import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.NewCredential;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The credentials table. */
final class CredentialSql {
  private CredentialSql() {}

  static Credential create(Conn c, NewCredential spec, Instant now) throws SQLException {
    PreparedStatement find = c.ps("SELECT 1 FROM credentials WHERE access_key = ?");
    find.setString(1, spec.accessKey());
    if (Rows.exists(find)) {
      throw new CofferException(ErrorCode.CREDENTIAL_ALREADY_EXISTS);
    }
    if (spec.parentId() != null) {
      Credential parent = find(c, spec.parentId()).orElseThrow(CredentialSql::noSuchCredential);
      if (parent.parentId() != null) {
        throw new CofferException(
            ErrorCode.INVALID_ARGUMENT,
            "The parent credential " + parent.id() + " is itself a service account.");
      }
    }
    PreparedStatement ins =
        c.ps(
            "INSERT INTO credentials (access_key, secret_key, user_name, is_active, created_at,"
                + " parent_id, expires_at, inline_policy) VALUES (?, ?, ?, 1, ?, ?, ?, ?)"
                + " RETURNING "
                + CREDENTIAL_COLUMNS);
    ins.setString(1, spec.accessKey());
    ins.setString(2, spec.secretKey());
    ins.setString(3, spec.userName());
    ins.setLong(4, now.toEpochMilli());
    if (spec.parentId() == null) {
      ins.setNull(5, Types.INTEGER);
    } else {
      ins.setLong(5, spec.parentId());
    }
    if (spec.expiresAt() == null) {
      ins.setNull(6, Types.INTEGER);
    } else {
      ins.setLong(6, spec.expiresAt().toEpochMilli());
    }
    ins.setString(7, spec.inlinePolicy());
    Credential created = Rows.one(ins, Rows::credential).orElseThrow();
    c.op.credentials++;
    PolicySql.attach(c, created.id(), spec.policies());
    for (String group : spec.groups()) {
      GroupSql.addMember(c, group, created.id());
    }
    return created;
  }

  static Optional<Credential> find(Conn c, long id) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + CREDENTIAL_COLUMNS + " FROM credentials WHERE id = ?");
    ps.setLong(1, id);
    return Rows.one(ps, Rows::credential);
  }

  static Optional<Credential> findByAccessKey(Conn c, String accessKey) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT " + CREDENTIAL_COLUMNS + " FROM credentials WHERE access_key = ?");
    ps.setString(1, accessKey);
    return Rows.one(ps, Rows::credential);
  }

  static List<Credential> list(Conn c) throws SQLException {
    return Rows.all(
        c.ps("SELECT " + CREDENTIAL_COLUMNS + " FROM credentials ORDER BY id"), Rows::credential);
  }

  static Credential update(Conn c, long id, @Nullable String userName, Boolean active)
      throws SQLException {
    PreparedStatement ps =
        c.ps(
            "UPDATE credentials SET user_name = coalesce(?, user_name),"
                + " is_active = coalesce(?, is_active) WHERE id = ? RETURNING "
                + CREDENTIAL_COLUMNS);
    ps.setString(1, userName);
    if (active == null) {
      ps.setNull(2, Types.INTEGER);
    } else {
      ps.setInt(2, active ? 1 : 0);
    }
    ps.setLong(3, id);
    return Rows.one(ps, Rows::credential).orElseThrow(CredentialSql::noSuchCredential);
  }

  static Credential updateSecret(Conn c, long id, String secretKey) throws SQLException {
    PreparedStatement ps =
        c.ps("UPDATE credentials SET secret_key = ? WHERE id = ? RETURNING " + CREDENTIAL_COLUMNS);
    ps.setString(1, secretKey);
    ps.setLong(2, id);
    return Rows.one(ps, Rows::credential).orElseThrow(CredentialSql::noSuchCredential);
  }

  /** Deletes a credential and its service accounts; returns those service accounts. */
  static List<Credential> delete(Conn c, long id) throws SQLException {
    requireAccessKey(c, id);
    // A service account has no service accounts of its own; it should own no buckets either (what
    // it creates is its parent's), but if one does, deleting it is refused as for its parent.
    PreparedStatement children =
        c.ps("SELECT " + CREDENTIAL_COLUMNS + " FROM credentials WHERE parent_id = ? ORDER BY id");
    children.setLong(1, id);
    List<Credential> serviceAccounts = Rows.all(children, Rows::credential);
    for (Credential child : serviceAccounts) {
      deleteOne(c, child.id());
    }
    deleteOne(c, id);
    return serviceAccounts;
  }

  private static void deleteOne(Conn c, long id) throws SQLException {
    PreparedStatement owns = c.ps("SELECT 1 FROM buckets WHERE owner_id = ? LIMIT 1");
    owns.setLong(1, id);
    if (Rows.exists(owns)) {
      throw new CofferException(ErrorCode.CREDENTIAL_IN_USE);
    }
    PresignedUrlSql.revokeAllOf(c, id);
    GroupSql.removeMemberships(c, id);
    PolicySql.detachAll(c, id);
    PreparedStatement del = c.ps("DELETE FROM credentials WHERE id = ?");
    del.setLong(1, id);
    del.executeUpdate();
    c.op.credentials--;
  }

  /** The access key of a credential; NO_SUCH_CREDENTIAL when absent. */
  static String requireAccessKey(Conn c, long id) throws SQLException {
    PreparedStatement ps = c.ps("SELECT access_key FROM credentials WHERE id = ?");
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw noSuchCredential();
      }
      return rs.getString(1);
    }
  }

  static CofferException noSuchCredential() {
    return new CofferException(ErrorCode.NO_SUCH_CREDENTIAL);
  }
}
