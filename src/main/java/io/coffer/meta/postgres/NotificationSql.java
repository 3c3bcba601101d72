package io.coffer.meta.postgres;

import static io.coffer.meta.postgres.Results.all;
import static io.coffer.meta.postgres.Results.one;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationTarget;
import io.coffer.model.StoreChange;
import io.coffer.model.TargetType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification_targets and notification_rules tables: targets, and each bucket's rules as the
 * write path matches them (see {@link OutboxSql}). The bucket's configuration as given is kept in
 * its notification column (GetBucketNotificationConfiguration); the column is NULL exactly when the
 * bucket has no rules, which is how a write knows that its event costs nothing ({@link
 * LockedBucket#notifies()}).
 */
final class NotificationSql {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private NotificationSql() {}

  /** One rule as notification_rules keeps it. */
  record RuleRow(
      String configurationId,
      String targetId,
      String targetArn,
      long eventMask,
      byte[] prefix,
      byte[] suffix) {}

  /** A configuration checked and encoded before its transaction: its JSON (null: no rules). */
  record EncodedConfiguration(@Nullable String json, List<RuleRow> rules) {
    static EncodedConfiguration of(@Nullable NotificationConfiguration configuration) {
      if (configuration == null || configuration.rules().isEmpty()) {
        return new EncodedConfiguration(null, List.of());
      }
      List<RuleRow> rows = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (NotificationRule r : configuration.rules()) {
        if (!ids.add(r.id())) {
          throw new CofferException(
              ErrorCode.INVALID_ARGUMENT,
              "Two notification configurations have the same ID: " + r.id());
        }
        long mask;
        try {
          mask = EventName.mask(r.eventNames());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
          throw new CofferException(ErrorCode.INVALID_ARGUMENT, String.valueOf(e.getMessage()));
        }
        rows.add(
            new RuleRow(
                r.id(), r.targetId(), r.targetArn(), mask, r.prefixBytes(), r.suffixBytes()));
      }
      return new EncodedConfiguration(JSON.writeValueAsString(configuration), List.copyOf(rows));
    }
  }

  /** See MetadataStore#setBucketNotification (the caller reads the bucket back). */
  static void setConfiguration(
      Tx tx, String name, String id, EncodedConfiguration config, @Nullable EventDraft testEvent)
      throws SQLException {
    // the bucket's row first: writes to it read it FOR SHARE, so they see the old rules or the new
    PreparedStatement bucket = tx.ps("SELECT id FROM buckets WHERE name = ? FOR UPDATE");
    bucket.setString(1, name);
    Optional<String> found = one(bucket, rs -> rs.getString(1));
    if (found.isEmpty() || !found.get().equals(id)) {
      throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
    }
    // every target named must exist, and stay until this commits (deleting one locks it)
    Set<String> targets = new LinkedHashSet<>();
    PreparedStatement target = tx.ps("SELECT 1 FROM notification_targets WHERE id = ? FOR SHARE");
    for (RuleRow r : config.rules()) {
      if (!targets.add(r.targetId())) {
        continue;
      }
      target.setString(1, r.targetId());
      if (one(target, rs -> Boolean.TRUE).isEmpty()) {
        throw new CofferException(
                ErrorCode.INVALID_ARGUMENT,
                "Unable to validate the following destination configurations")
            .with("ArgumentName1", r.targetArn())
            .with("ArgumentValue1", "The destination does not exist");
      }
    }
    PreparedStatement del = tx.ps("DELETE FROM notification_rules WHERE bucket = ?");
    del.setString(1, name);
    del.executeUpdate();
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO notification_rules (bucket, configuration_id, target_id, event_mask,"
                + " prefix, suffix) VALUES (?, ?, ?, ?, ?, ?)");
    for (RuleRow r : config.rules()) {
      ins.setString(1, name);
      ins.setString(2, r.configurationId());
      ins.setString(3, r.targetId());
      ins.setLong(4, r.eventMask());
      ins.setBytes(5, r.prefix());
      ins.setBytes(6, r.suffix());
      ins.addBatch();
    }
    if (!config.rules().isEmpty()) {
      ins.executeBatch();
    }
    PreparedStatement set = tx.ps("UPDATE buckets SET notification = ? WHERE name = ?");
    set.setString(1, config.json());
    set.setString(2, name);
    set.executeUpdate();
    Changes.publish(tx, new StoreChange(StoreChange.Kind.BUCKET, name));
    if (testEvent != null) {
      for (String t : targets) {
        OutboxSql.queueTestEvent(tx, name, testEvent, t);
      }
    }
  }

  /** See MetadataStore#createNotificationTarget. */
  static void createTarget(Tx tx, NotificationTarget t) throws SQLException {
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO notification_targets (id, type, config, created_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
    ins.setString(1, t.id());
    ins.setString(2, t.type().wireName());
    ins.setString(3, t.config());
    ins.setLong(4, t.createdAt().toEpochMilli());
    if (ins.executeUpdate() == 0) {
      throw new CofferException(ErrorCode.NOTIFICATION_TARGET_EXISTS);
    }
  }

  /** See MetadataStore#updateNotificationTarget. */
  static NotificationTarget updateTarget(Tx tx, String id, String config) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "UPDATE notification_targets SET config = ? WHERE id = ?"
                + " RETURNING id, type, config, created_at");
    ps.setString(1, config);
    ps.setString(2, id);
    return one(ps, NotificationSql::target)
        .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_NOTIFICATION_TARGET));
  }

  /** See MetadataStore#deleteNotificationTarget. */
  static void deleteTarget(Tx tx, String id) throws SQLException {
    // locked first: a configuration naming it waits, then finds it gone
    PreparedStatement lock = tx.ps("SELECT 1 FROM notification_targets WHERE id = ? FOR UPDATE");
    lock.setString(1, id);
    if (one(lock, rs -> Boolean.TRUE).isEmpty()) {
      throw new CofferException(ErrorCode.NO_SUCH_NOTIFICATION_TARGET);
    }
    List<String> buckets = bucketsNotifying(tx, id);
    if (!buckets.isEmpty()) {
      throw new CofferException(
          ErrorCode.NOTIFICATION_TARGET_IN_USE,
          "The notification target is still named by the notification configuration of "
              + (buckets.size() == 1 ? "bucket " : "buckets ")
              + String.join(", ", buckets)
              + ".");
    }
    PreparedStatement events = tx.ps("DELETE FROM event_outbox WHERE target_id = ?");
    events.setString(1, id);
    events.executeUpdate();
    PreparedStatement del = tx.ps("DELETE FROM notification_targets WHERE id = ?");
    del.setString(1, id);
    del.executeUpdate();
  }

  static Optional<NotificationTarget> findTarget(Tx tx, String id) throws SQLException {
    PreparedStatement ps =
        tx.ps("SELECT id, type, config, created_at FROM notification_targets WHERE id = ?");
    ps.setString(1, id);
    return one(ps, NotificationSql::target);
  }

  static List<NotificationTarget> listTargets(Tx tx) throws SQLException {
    return all(
        tx.ps("SELECT id, type, config, created_at FROM notification_targets ORDER BY id"),
        NotificationSql::target);
  }

  /** See MetadataStore#bucketsNotifying. */
  static List<String> bucketsNotifying(Tx tx, String targetId) throws SQLException {
    PreparedStatement ps =
        tx.ps("SELECT DISTINCT bucket FROM notification_rules WHERE target_id = ? ORDER BY bucket");
    ps.setString(1, targetId);
    return all(ps, rs -> rs.getString(1));
  }

  private static NotificationTarget target(ResultSet rs) throws SQLException {
    String type = rs.getString(2);
    return new NotificationTarget(
        rs.getString(1),
        TargetType.fromWireName(type)
            .orElseThrow(() -> new SQLException("unknown notification target type " + type)),
        rs.getString(3),
        Instant.ofEpochMilli(rs.getLong(4)));
  }
}
