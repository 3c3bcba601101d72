package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ManagedPolicy;
import io.coffer.model.PolicyTargets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies table and policy_attachments: a row (target_kind, target, policy) attaches a policy
 * to a credential (target: its ID in decimal) or a group (target: its name).
 */
final class PolicySql {
  static final String CREDENTIAL = "credential";
  static final String GROUP = "group";
  private static final String COLUMNS = "name, document, created_at, updated_at";

  private PolicySql() {}

  static ManagedPolicy create(Conn c, String name, String document, Instant now)
      throws SQLException {
    if (ManagedPolicy.BUILT_IN_NAMES.contains(name) || find(c, name).isPresent()) {
      throw new CofferException(
          ErrorCode.POLICY_ALREADY_EXISTS, "A policy named " + name + " already exists.");
    }
    PreparedStatement ins =
        c.ps(
            "INSERT INTO policies (name, document, created_at, updated_at) VALUES (?, ?, ?, ?)"
                + " RETURNING "
                + COLUMNS);
    ins.setString(1, name);
    ins.setString(2, document);
    ins.setLong(3, now.toEpochMilli());
    ins.setLong(4, now.toEpochMilli());
    return Rows.one(ins, PolicySql::policy).orElseThrow();
  }

  static ManagedPolicy update(Conn c, String name, String document, Instant now)
      throws SQLException {
    PreparedStatement ps =
        c.ps(
            "UPDATE policies SET document = ?, updated_at = ? WHERE name = ? RETURNING " + COLUMNS);
    ps.setString(1, document);
    ps.setLong(2, now.toEpochMilli());
    ps.setString(3, name);
    return Rows.one(ps, PolicySql::policy).orElseThrow(() -> noSuchPolicy(name));
  }

  static void delete(Conn c, String name) throws SQLException {
    if (find(c, name).isEmpty()) {
      throw noSuchPolicy(name);
    }
    PreparedStatement used = c.ps("SELECT 1 FROM policy_attachments WHERE policy = ? LIMIT 1");
    used.setString(1, name);
    if (Rows.exists(used)) {
      throw new CofferException(
          ErrorCode.POLICY_IN_USE,
          "The policy " + name + " is still attached to credentials or groups; detach it first.");
    }
    PreparedStatement del = c.ps("DELETE FROM policies WHERE name = ?");
    del.setString(1, name);
    del.executeUpdate();
  }

  static Optional<ManagedPolicy> find(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + COLUMNS + " FROM policies WHERE name = ?");
    ps.setString(1, name);
    return Rows.one(ps, PolicySql::policy);
  }

  static List<ManagedPolicy> list(Conn c) throws SQLException {
    return Rows.all(c.ps("SELECT " + COLUMNS + " FROM policies ORDER BY name"), PolicySql::policy);
  }

  static PolicyTargets targets(Conn c, String name) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT target_kind, target FROM policy_attachments WHERE policy = ?");
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
  static void replaceForCredential(Conn c, long credentialId, List<String> policies)
      throws SQLException {
    CredentialSql.requireAccessKey(c, credentialId);
    detachAll(c, credentialId);
    attach(c, credentialId, policies);
  }

  /** Attaches policies to a credential that has none (checking that each exists). */
  static void attach(Conn c, long credentialId, List<String> policies) throws SQLException {
    insert(c, CREDENTIAL, Long.toString(credentialId), policies);
  }

  static void detachAll(Conn c, long credentialId) throws SQLException {
    detach(c, CREDENTIAL, Long.toString(credentialId));
  }

  static List<String> attachedTo(Conn c, String kind, String target) throws SQLException {
    PreparedStatement ps =
        c.ps(
            "SELECT policy FROM policy_attachments WHERE target_kind = ? AND target = ?"
                + " ORDER BY policy");
    ps.setString(1, kind);
    ps.setString(2, target);
    return Rows.all(ps, rs -> rs.getString(1));
  }

  static void insert(Conn c, String kind, String target, List<String> policies)
      throws SQLException {
    for (String policy : policies) {
      requireExists(c, policy);
      PreparedStatement ins =
          c.ps(
              "INSERT OR IGNORE INTO policy_attachments (target_kind, target, policy)"
                  + " VALUES (?, ?, ?)");
      ins.setString(1, kind);
      ins.setString(2, target);
      ins.setString(3, policy);
      ins.executeUpdate();
    }
  }

  static void detach(Conn c, String kind, String target) throws SQLException {
    PreparedStatement del =
        c.ps("DELETE FROM policy_attachments WHERE target_kind = ? AND target = ?");
    del.setString(1, kind);
    del.setString(2, target);
    del.executeUpdate();
  }

  /** NO_SUCH_POLICY unless the policy is built in or stored. */
  private static void requireExists(Conn c, String name) throws SQLException {
    if (ManagedPolicy.BUILT_IN_NAMES.contains(name)) {
      return;
    }
    PreparedStatement ps = c.ps("SELECT 1 FROM policies WHERE name = ?");
    ps.setString(1, name);
    if (!Rows.exists(ps)) {
      throw noSuchPolicy(name);
    }
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
