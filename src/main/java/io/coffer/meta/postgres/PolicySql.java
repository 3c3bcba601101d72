package io.coffer.meta.postgres;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ManagedPolicy;
import io.coffer.model.PolicyTargets;
import io.coffer.model.StoreChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies table and policy_attachments: a row (target_kind, target, policy) attaches a policy
 * to a credential (target: its ID in decimal) or a group (target: its name). Across nodes: an
 * attachment locks its policy's row FOR SHARE, deleting a policy locks it FOR UPDATE before it
 * checks that nothing is attached, so a policy is never deleted with an attachment left behind.
 */
final class PolicySql {
  static final String CREDENTIAL = "credential";
  static final String GROUP = "group";
  private static final String COLUMNS = "name, document, created_at, updated_at";
  private static final StoreChange IDENTITY = new StoreChange(StoreChange.Kind.IDENTITY, "");

  private PolicySql() {}

  static ManagedPolicy create(Tx tx, String name, String document, Instant now)
      throws SQLException {
    if (ManagedPolicy.BUILT_IN_NAMES.contains(name)) {
      throw alreadyExists(name);
    }
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO policies (name, document, created_at, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (name) DO NOTHING RETURNING "
                + COLUMNS);
    ins.setString(1, name);
    ins.setString(2, document);
    ins.setLong(3, now.toEpochMilli());
    ins.setLong(4, now.toEpochMilli());
    ManagedPolicy created =
        Results.one(ins, PolicySql::policy).orElseThrow(() -> alreadyExists(name));
    Changes.publish(tx, IDENTITY);
    return created;
  }

  static ManagedPolicy update(Tx tx, String name, String document, Instant now)
      throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "UPDATE policies SET document = ?, updated_at = ? WHERE name = ? RETURNING " + COLUMNS);
    ps.setString(1, document);
    ps.setLong(2, now.toEpochMilli());
    ps.setString(3, name);
    ManagedPolicy updated =
        Results.one(ps, PolicySql::policy).orElseThrow(() -> noSuchPolicy(name));
    Changes.publish(tx, IDENTITY);
    return updated;
  }

  static void delete(Tx tx, String name) throws SQLException {
    PreparedStatement lock = tx.ps("SELECT 1 FROM policies WHERE name = ? FOR UPDATE");
    lock.setString(1, name);
    if (!Results.exists(lock)) {
      throw noSuchPolicy(name);
    }
    PreparedStatement used = tx.ps("SELECT 1 FROM policy_attachments WHERE policy = ? LIMIT 1");
    used.setString(1, name);
    if (Results.exists(used)) {
      throw new CofferException(
          ErrorCode.POLICY_IN_USE,
          "The policy " + name + " is still attached to credentials or groups; detach it first.");
    }
    PreparedStatement del = tx.ps("DELETE FROM policies WHERE name = ?");
    del.setString(1, name);
    del.executeUpdate();
    Changes.publish(tx, IDENTITY);
  }

  static Optional<ManagedPolicy> find(Tx tx, String name) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT " + COLUMNS + " FROM policies WHERE name = ?");
    ps.setString(1, name);
    return Results.one(ps, PolicySql::policy);
  }

  static List<ManagedPolicy> list(Tx tx) throws SQLException {
    return Results.all(
        tx.ps("SELECT " + COLUMNS + " FROM policies ORDER BY name"), PolicySql::policy);
  }

  static PolicyTargets targets(Tx tx, String name) throws SQLException {
    PreparedStatement ps =
        tx.ps("SELECT target_kind, target FROM policy_attachments WHERE policy = ?");
    ps.setString(1, name);
    List<Long> credentials = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (CREDENTIAL.equals(rs.getString(1))) {
          credentials.add(Long.parseLong(rs.getString(2)));
        } else {
          groups.add(rs.getString(2));
        }
      }
    }
    credentials.sort(null);
    groups.sort(null);
    return new PolicyTargets(credentials, groups);
  }

  /** Replaces the policies attached to a credential. */
  static void replaceForCredential(Tx tx, long credentialId, List<String> policies)
      throws SQLException {
    CredentialSql.requireAccessKey(tx, credentialId);
    detachAll(tx, credentialId);
    attach(tx, credentialId, policies);
    Changes.publish(tx, IDENTITY);
  }

  /** Attaches policies to a credential that has none (checking that each exists). */
  static void attach(Tx tx, long credentialId, List<String> policies) throws SQLException {
    insert(tx, CREDENTIAL, Long.toString(credentialId), policies);
  }

  static void detachAll(Tx tx, long credentialId) throws SQLException {
    detach(tx, CREDENTIAL, Long.toString(credentialId));
  }

  static List<String> attachedTo(Tx tx, String kind, String target) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT policy FROM policy_attachments WHERE target_kind = ? AND target = ?"
                + " ORDER BY policy");
    ps.setString(1, kind);
    ps.setString(2, target);
    return Results.all(ps, rs -> rs.getString(1));
  }

  static void insert(Tx tx, String kind, String target, List<String> policies) throws SQLException {
    for (String policy : policies) {
      requireExists(tx, policy);
      PreparedStatement ins =
          tx.ps(
              "INSERT INTO policy_attachments (target_kind, target, policy) VALUES (?, ?, ?)"
                  + " ON CONFLICT DO NOTHING");
      ins.setString(1, kind);
      ins.setString(2, target);
      ins.setString(3, policy);
      ins.executeUpdate();
    }
  }

  static void detach(Tx tx, String kind, String target) throws SQLException {
    PreparedStatement del =
        tx.ps("DELETE FROM policy_attachments WHERE target_kind = ? AND target = ?");
    del.setString(1, kind);
    del.setString(2, target);
    del.executeUpdate();
  }

  /** NO_SUCH_POLICY unless the policy is built in or stored (then locked until the commit). */
  private static void requireExists(Tx tx, String name) throws SQLException {
    if (ManagedPolicy.BUILT_IN_NAMES.contains(name)) {
      return;
    }
    PreparedStatement ps = tx.ps("SELECT 1 FROM policies WHERE name = ? FOR SHARE");
    ps.setString(1, name);
    if (!Results.exists(ps)) {
      throw noSuchPolicy(name);
    }
  }

  private static CofferException alreadyExists(String name) {
    return new CofferException(
        ErrorCode.POLICY_ALREADY_EXISTS, "A policy named " + name + " already exists.");
  }

  private static CofferException noSuchPolicy(String name) {
    return new CofferException(ErrorCode.NO_SUCH_POLICY, "The policy " + name + " does not exist.");
  }

  private static ManagedPolicy policy(ResultSet rs) throws SQLException {
    return new ManagedPolicy(
        rs.getString(1),
        rs.getString(2),
        Instant.ofEpochMilli(rs.getLong(3)),
        Instant.ofEpochMilli(rs.getLong(4)));
  }
}
