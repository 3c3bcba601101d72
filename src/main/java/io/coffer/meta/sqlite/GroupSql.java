package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.UserGroup;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The user_groups and group_members tables; a group's policies are in policy_attachments. */
final class GroupSql {
  private GroupSql() {}

  static UserGroup create(
      Conn c, String name, List<Long> members, List<String> policies, Instant now)
      throws SQLException {
    if (exists(c, name)) {
      throw new CofferException(
          ErrorCode.GROUP_ALREADY_EXISTS, "A group named " + name + " already exists.");
    }
    PreparedStatement ins = c.ps("INSERT INTO user_groups (name, created_at) VALUES (?, ?)");
    ins.setString(1, name);
    ins.setLong(2, now.toEpochMilli());
    ins.executeUpdate();
    for (long member : members) {
      addMember(c, name, member);
    }
    PolicySql.insert(c, PolicySql.GROUP, name, policies);
    return find(c, name).orElseThrow();
  }

  static UserGroup update(
      Conn c, String name, @Nullable List<Long> members, @Nullable List<String> policies)
      throws SQLException {
    requireExists(c, name);
    if (members != null) {
      PreparedStatement del = c.ps("DELETE FROM group_members WHERE group_name = ?");
      del.setString(1, name);
      del.executeUpdate();
      for (long member : members) {
        addMember(c, name, member);
      }
    }
    if (policies != null) {
      PolicySql.detach(c, PolicySql.GROUP, name);
      PolicySql.insert(c, PolicySql.GROUP, name, policies);
    }
    return find(c, name).orElseThrow();
  }

  static void delete(Conn c, String name) throws SQLException {
    requireExists(c, name);
    PreparedStatement members = c.ps("DELETE FROM group_members WHERE group_name = ?");
    members.setString(1, name);
    members.executeUpdate();
    PolicySql.detach(c, PolicySql.GROUP, name);
    PreparedStatement del = c.ps("DELETE FROM user_groups WHERE name = ?");
    del.setString(1, name);
    del.executeUpdate();
  }

  static Optional<UserGroup> find(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT created_at FROM user_groups WHERE name = ?");
    ps.setString(1, name);
    Optional<Instant> created = Rows.one(ps, rs -> Instant.ofEpochMilli(rs.getLong(1)));
    if (created.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(group(c, name, created.get()));
  }

  static List<UserGroup> list(Conn c) throws SQLException {
    List<GroupRow> rows =
        Rows.all(
            c.ps("SELECT name, created_at FROM user_groups ORDER BY name"),
            rs -> new GroupRow(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
    List<UserGroup> out = new ArrayList<>(rows.size());
    for (GroupRow row : rows) {
      out.add(group(c, row.name(), row.created()));
    }
    return out;
  }

  /** Adds a credential to a group; NO_SUCH_GROUP or NO_SUCH_CREDENTIAL when either is absent. */
  static void addMember(Conn c, String group, long credentialId) throws SQLException {
    requireExists(c, group);
    CredentialSql.requireAccessKey(c, credentialId);
    PreparedStatement ins =
        c.ps("INSERT OR IGNORE INTO group_members (group_name, credential_id) VALUES (?, ?)");
    ins.setString(1, group);
    ins.setLong(2, credentialId);
    ins.executeUpdate();
  }

  static void removeMemberships(Conn c, long credentialId) throws SQLException {
    PreparedStatement del = c.ps("DELETE FROM group_members WHERE credential_id = ?");
    del.setLong(1, credentialId);
    del.executeUpdate();
  }

  /** The groups a credential belongs to, in name order. */
  static List<String> groupsOf(Conn c, long credentialId) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT group_name FROM group_members WHERE credential_id = ? ORDER BY group_name");
    ps.setLong(1, credentialId);
    return Rows.all(ps, rs -> rs.getString(1));
  }

  private record GroupRow(String name, Instant created) {}

  private static UserGroup group(Conn c, String name, Instant created) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT credential_id FROM group_members WHERE group_name = ? ORDER BY credential_id");
    ps.setString(1, name);
    List<Long> members = Rows.all(ps, rs -> rs.getLong(1));
    List<String> policies = PolicySql.attachedTo(c, PolicySql.GROUP, name);
    return new UserGroup(name, members, policies, created);
  }

  private static boolean exists(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT 1 FROM user_groups WHERE name = ?");
    ps.setString(1, name);
    return Rows.exists(ps);
  }

  private static void requireExists(Conn c, String name) throws SQLException {
    if (!exists(c, name)) {
      throw new CofferException(ErrorCode.NO_SUCH_GROUP, "The group " + name + " does not exist.");
    }
  }
}
