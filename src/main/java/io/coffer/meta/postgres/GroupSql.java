package io.coffer.meta.postgres;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.StoreChange;
import io.coffer.model.UserGroup;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The user_groups and group_members tables; a group's policies are in policy_attachments. Across
 * nodes: adding a member locks the group's row FOR SHARE, changing or deleting a group locks it FOR
 * UPDATE, so a membership never outlives its group and two updates of one group do not interleave.
 */
final class GroupSql {
  private static final StoreChange IDENTITY = new StoreChange(StoreChange.Kind.IDENTITY, "");

  private GroupSql() {}

  static UserGroup create(
      Tx tx, String name, List<Long> members, List<String> policies, Instant now)
      throws SQLException {
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO user_groups (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO"
                + " NOTHING");
    ins.setString(1, name);
    ins.setLong(2, now.toEpochMilli());
    if (ins.executeUpdate() == 0) {
      throw new CofferException(
          ErrorCode.GROUP_ALREADY_EXISTS, "A group named " + name + " already exists.");
    }
    for (long member : members) {
      addMember(tx, name, member);
    }
    PolicySql.insert(tx, PolicySql.GROUP, name, policies);
    Changes.publish(tx, IDENTITY);
    return find(tx, name).orElseThrow();
  }

  static UserGroup update(
      Tx tx, String name, @Nullable List<Long> members, @Nullable List<String> policies)
      throws SQLException {
    lock(tx, name, "FOR UPDATE");
    if (members != null) {
      PreparedStatement del = tx.ps("DELETE FROM group_members WHERE group_name = ?");
      del.setString(1, name);
      del.executeUpdate();
      for (long member : members) {
        addMember(tx, name, member);
      }
    }
    if (policies != null) {
      PolicySql.detach(tx, PolicySql.GROUP, name);
      PolicySql.insert(tx, PolicySql.GROUP, name, policies);
    }
    Changes.publish(tx, IDENTITY);
    return find(tx, name).orElseThrow();
  }

  static void delete(Tx tx, String name) throws SQLException {
    lock(tx, name, "FOR UPDATE");
    PreparedStatement members = tx.ps("DELETE FROM group_members WHERE group_name = ?");
    members.setString(1, name);
    members.executeUpdate();
    PolicySql.detach(tx, PolicySql.GROUP, name);
    PreparedStatement del = tx.ps("DELETE FROM user_groups WHERE name = ?");
    del.setString(1, name);
    del.executeUpdate();
    Changes.publish(tx, IDENTITY);
  }

  /** A group with its members and policies; run in one snapshot (or the writing transaction). */
  static Optional<UserGroup> find(Tx tx, String name) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT created_at FROM user_groups WHERE name = ?");
    ps.setString(1, name);
    Optional<Instant> created = Results.one(ps, rs -> Instant.ofEpochMilli(rs.getLong(1)));
    if (created.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(group(tx, name, created.get()));
  }

  static List<UserGroup> list(Tx tx) throws SQLException {
    List<GroupRow> rows =
        Results.all(
            tx.ps("SELECT name, created_at FROM user_groups ORDER BY name"),
            rs -> new GroupRow(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
    List<UserGroup> out = new ArrayList<>(rows.size());
    for (GroupRow row : rows) {
      out.add(group(tx, row.name(), row.created()));
    }
    return out;
  }

  /** Adds a credential to a group; NO_SUCH_GROUP or NO_SUCH_CREDENTIAL when either is absent. */
  static void addMember(Tx tx, String group, long credentialId) throws SQLException {
    lock(tx, group, "FOR SHARE");
    CredentialSql.requireAccessKey(tx, credentialId);
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO group_members (group_name, credential_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING");
    ins.setString(1, group);
    ins.setLong(2, credentialId);
    ins.executeUpdate();
  }

  static void removeMemberships(Tx tx, long credentialId) throws SQLException {
    PreparedStatement del = tx.ps("DELETE FROM group_members WHERE credential_id = ?");
    del.setLong(1, credentialId);
    del.executeUpdate();
  }

  /** The groups a credential belongs to, in name order. */
  static List<String> groupsOf(Tx tx, long credentialId) throws SQLException {
    PreparedStatement ps =
        tx.ps("SELECT group_name FROM group_members WHERE credential_id = ? ORDER BY group_name");
    ps.setLong(1, credentialId);
    return Results.all(ps, rs -> rs.getString(1));
  }

  private record GroupRow(String name, Instant created) {}

  private static UserGroup group(Tx tx, String name, Instant created) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT credential_id FROM group_members WHERE group_name = ? ORDER BY credential_id");
    ps.setString(1, name);
    List<Long> members = Results.all(ps, rs -> rs.getLong(1));
    List<String> policies = PolicySql.attachedTo(tx, PolicySql.GROUP, name);
    return new UserGroup(name, members, policies, created);
  }

  /** Locks the group's row ({@code FOR SHARE} or {@code FOR UPDATE}); NO_SUCH_GROUP if absent. */
  private static void lock(Tx tx, String name, String mode) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT 1 FROM user_groups WHERE name = ? " + mode);
    ps.setString(1, name);
    if (!Results.exists(ps)) {
      throw new CofferException(ErrorCode.NO_SUCH_GROUP, "The group " + name + " does not exist.");
    }
  }
}
