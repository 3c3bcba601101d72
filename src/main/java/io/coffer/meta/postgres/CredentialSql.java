package io.coffer.meta.postgres;

import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.NewCredential;
import io.coffer.model.StoreChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The credentials table. Across nodes: the access key is unique in the table (a racing create loses
 * on the constraint, not on a check made earlier); whatever refers to a credential (a service
 * account, a group membership, a policy attachment, a presigned URL) locks its row FOR SHARE
 * ({@link #requireAccessKey}) while deleting it locks the row FOR UPDATE first, so a reference is
 * never added to a credential being deleted.
 */
final class CredentialSql {
  private static final String COLUMNS =
      "id, access_key, secret_key, user_name, is_active, created_at, parent_id, expires_at,"
          + " inline_policy";

  private CredentialSql() {}

  static Credential create(Tx tx, NewCredential spec, Instant now) throws SQLException {
    if (findByAccessKey(tx, spec.accessKey()).isPresent()) { // the common case; the race: below
      throw new CofferException(ErrorCode.CREDENTIAL_ALREADY_EXISTS);
    }
    if (spec.parentId() != null) {
      Credential parent =
          lockedForShare(tx, spec.parentId()).orElseThrow(CredentialSql::noSuchCredential);
      if (parent.parentId() != null) {
        throw new CofferException(
            ErrorCode.INVALID_ARGUMENT,
            "The parent credential " + parent.id() + " is itself a service account.");
      }
    }
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO credentials (access_key, secret_key, user_name, is_active, created_at,"
                + " parent_id, expires_at, inline_policy) VALUES (?, ?, ?, true, ?, ?, ?, ?)"
                + " ON CONFLICT (access_key) DO NOTHING RETURNING "
                + COLUMNS);
    ins.setString(1, spec.accessKey());
    ins.setString(2, spec.secretKey());
    ins.setString(3, spec.userName());
    ins.setLong(4, now.toEpochMilli());
    Results.setLong(ins, 5, spec.parentId());
    Results.setLong(ins, 6, spec.expiresAt() == null ? null : spec.expiresAt().toEpochMilli());
    ins.setString(7, spec.inlinePolicy());
    Credential created =
        Results.one(ins, CredentialSql::credential)
            .orElseThrow(() -> new CofferException(ErrorCode.CREDENTIAL_ALREADY_EXISTS));
    CounterSql.add(tx, CounterSql.Counter.CREDENTIALS, 1);
    PolicySql.attach(tx, created.id(), spec.policies());
    for (String group : spec.groups()) {
      GroupSql.addMember(tx, group, created.id());
    }
    // A node may remember that this access key did not exist.
    Changes.publish(tx, new StoreChange(StoreChange.Kind.CREDENTIAL, created.accessKey()));
    if (!spec.policies().isEmpty() || !spec.groups().isEmpty()) {
      Changes.publish(tx, new StoreChange(StoreChange.Kind.IDENTITY, ""));
    }
    return created;
  }

  static Optional<Credential> find(Tx tx, long id) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT " + COLUMNS + " FROM credentials WHERE id = ?");
    ps.setLong(1, id);
    return Results.one(ps, CredentialSql::credential);
  }

  static Optional<Credential> findByAccessKey(Tx tx, String accessKey) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT " + COLUMNS + " FROM credentials WHERE access_key = ?");
    ps.setString(1, accessKey);
    return Results.one(ps, CredentialSql::credential);
  }

  static List<Credential> list(Tx tx) throws SQLException {
    return Results.all(
        tx.ps("SELECT " + COLUMNS + " FROM credentials ORDER BY id"), CredentialSql::credential);
  }

  static Credential update(Tx tx, long id, @Nullable String userName, @Nullable Boolean active)
      throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "UPDATE credentials SET user_name = coalesce(?, user_name),"
                + " is_active = coalesce(?, is_active) WHERE id = ? RETURNING "
                + COLUMNS);
    ps.setString(1, userName);
    if (active == null) {
      ps.setNull(2, Types.BOOLEAN);
    } else {
      ps.setBoolean(2, active);
    }
    ps.setLong(3, id);
    return changed(tx, Results.one(ps, CredentialSql::credential));
  }

  static Credential updateSecret(Tx tx, long id, String secretKey) throws SQLException {
    PreparedStatement ps =
        tx.ps("UPDATE credentials SET secret_key = ? WHERE id = ? RETURNING " + COLUMNS);
    ps.setString(1, secretKey);
    ps.setLong(2, id);
    return changed(tx, Results.one(ps, CredentialSql::credential));
  }

  private static Credential changed(Tx tx, Optional<Credential> updated) throws SQLException {
    Credential credential = updated.orElseThrow(CredentialSql::noSuchCredential);
    Changes.publish(tx, new StoreChange(StoreChange.Kind.CREDENTIAL, credential.accessKey()));
    return credential;
  }

  /** Deletes a credential and its service accounts; returns those service accounts. */
  static List<Credential> delete(Tx tx, long id) throws SQLException {
    PreparedStatement lock = tx.ps("SELECT 1 FROM credentials WHERE id = ? FOR UPDATE");
    lock.setLong(1, id);
    if (!Results.exists(lock)) {
      throw noSuchCredential();
    }
    // A service account has no service accounts of its own; it should own no buckets either (what
    // it creates is its parent's), but if one does, deleting it is refused as for its parent.
    // Locked, so that none of them is changed or used as a reference meanwhile.
    PreparedStatement children =
        tx.ps("SELECT " + COLUMNS + " FROM credentials WHERE parent_id = ? ORDER BY id FOR UPDATE");
    children.setLong(1, id);
    List<Credential> serviceAccounts = Results.all(children, CredentialSql::credential);
    for (Credential child : serviceAccounts) {
      deleteOne(tx, child.id());
    }
    deleteOne(tx, id);
    Changes.publish(tx, new StoreChange(StoreChange.Kind.IDENTITY, ""));
    return serviceAccounts;
  }

  private static void deleteOne(Tx tx, long id) throws SQLException {
    PreparedStatement owns = tx.ps("SELECT 1 FROM buckets WHERE owner_id = ? LIMIT 1");
    owns.setLong(1, id);
    if (Results.exists(owns)) {
      throw new CofferException(ErrorCode.CREDENTIAL_IN_USE);
    }
    PresignedUrlSql.revokeAllOf(tx, id);
    GroupSql.removeMemberships(tx, id);
    PolicySql.detachAll(tx, id);
    PreparedStatement del = tx.ps("DELETE FROM credentials WHERE id = ? RETURNING access_key");
    del.setLong(1, id);
    Optional<String> accessKey = Results.one(del, rs -> rs.getString(1));
    if (accessKey.isPresent()) {
      CounterSql.add(tx, CounterSql.Counter.CREDENTIALS, -1);
      Changes.publish(tx, new StoreChange(StoreChange.Kind.CREDENTIAL, accessKey.get()));
    }
  }

  /**
   * The access key of a credential, its row locked FOR SHARE until the transaction ends (it cannot
   * be deleted meanwhile); NO_SUCH_CREDENTIAL when absent.
   */
  static String requireAccessKey(Tx tx, long id) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT access_key FROM credentials WHERE id = ? FOR SHARE");
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw noSuchCredential();
      }
      return rs.getString(1);
    }
  }

  private static Optional<Credential> lockedForShare(Tx tx, long id) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT " + COLUMNS + " FROM credentials WHERE id = ? FOR SHARE");
    ps.setLong(1, id);
    return Results.one(ps, CredentialSql::credential);
  }

  static CofferException noSuchCredential() {
    return new CofferException(ErrorCode.NO_SUCH_CREDENTIAL);
  }

  private static Credential credential(ResultSet rs) throws SQLException {
    Long expires = Results.getLong(rs, 8);
    return new Credential(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBoolean(5),
        Instant.ofEpochMilli(rs.getLong(6)),
        Results.getLong(rs, 7),
        expires == null ? null : Instant.ofEpochMilli(expires),
        rs.getString(9));
  }
}
