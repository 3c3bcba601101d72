package io.coffer.meta.sqlite;

import io.coffer.meta.rows.FeatureColumns;
import io.coffer.meta.rows.Rows;
import io.coffer.meta.sqlite.BucketSql.Known;
import io.coffer.meta.sqlite.BucketSql.SettingColumn;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationTarget;
import io.coffer.model.TargetType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The notification_targets and notification_rules tables: targets, and each bucket's rules as the
 * write path matches them (see {@link OutboxSql}). The bucket's configuration as given is kept in
 * its notification column, for GetBucketNotificationConfiguration; the column is NULL exactly when
 * the bucket has no rules, which is how the writer knows a bucket's writes cost nothing extra.
 */
final class NotificationSql {
  private NotificationSql() {}

  /** One rule as notification_rules keeps it. */
  record RuleRow(
      String configurationId,
      String targetId,
      String targetArn,
      long eventMask,
      byte[] prefix,
      byte[] suffix) {}

  /**
   * A configuration encoded on the caller's thread: its JSON (null: none, or no rules) and its
   * rules.
   */
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
      return new EncodedConfiguration(FeatureColumns.encode(configuration), List.copyOf(rows));
    }
  }

  /** Writer: see MetadataStore#setBucketNotification. */
  static Bucket setConfiguration(
      Conn c, String name, String id, EncodedConfiguration config, @Nullable EventDraft testEvent)
      throws SQLException {
    Known known = BucketSql.require(c, name, id);
    // every target named must exist; their queue counts serve the test events
    Map<String, Long> queued = new LinkedHashMap<>();
    PreparedStatement target = c.ps("SELECT queued FROM notification_targets WHERE id = ?");
    for (RuleRow r : config.rules()) {
      if (queued.containsKey(r.targetId())) {
        continue;
      }
      target.setString(1, r.targetId());
      Optional<Long> count = Rows.one(target, rs -> rs.getLong(1));
      if (count.isEmpty()) {
        throw new CofferException(
                ErrorCode.INVALID_ARGUMENT,
                "Unable to validate the following destination configurations")
            .with("ArgumentName1", r.targetArn())
            .with("ArgumentValue1", "The destination does not exist");
      }
      queued.put(r.targetId(), count.get());
    }
    if (known.notifies()) {
      deleteRules(c, name);
    }
    PreparedStatement ins =
        c.ps(
            "INSERT INTO notification_rules (bucket, configuration_id, target_id, event_mask,"
                + " prefix, suffix) VALUES (?, ?, ?, ?, ?, ?)");
    for (RuleRow r : config.rules()) {
      ins.setString(1, name);
      ins.setString(2, r.configurationId());
      ins.setString(3, r.targetId());
      ins.setLong(4, r.eventMask());
      ins.setBytes(5, r.prefix());
      ins.setBytes(6, r.suffix());
      ins.executeUpdate();
    }
    c.knownBuckets.remove(name);
    Bucket bucket = BucketSql.setColumn(c, name, id, SettingColumn.NOTIFICATION, config.json());
    if (testEvent != null) {
      for (Map.Entry<String, Long> t : queued.entrySet()) {
        OutboxSql.queueTestEvent(c, name, testEvent, t.getKey(), t.getValue());
      }
    }
    return bucket;
  }

  /** Writer: removes a bucket's rules (its configuration changed, or it is deleted). */
  static void deleteRules(Conn c, String bucket) throws SQLException {
    PreparedStatement del = c.ps("DELETE FROM notification_rules WHERE bucket = ?");
    del.setString(1, bucket);
    del.executeUpdate();
  }

  /** Writer: see MetadataStore#createNotificationTarget. */
  static void createTarget(Conn c, NotificationTarget t) throws SQLException {
    if (findTarget(c, t.id()).isPresent()) {
      throw new CofferException(ErrorCode.NOTIFICATION_TARGET_EXISTS);
    }
    PreparedStatement ins =
        c.ps(
            "INSERT INTO notification_targets (id, type, config, created_at, queued, dropped)"
                + " VALUES (?, ?, ?, ?, 0, 0)");
    ins.setString(1, t.id());
    ins.setString(2, t.type().wireName());
    ins.setString(3, t.config());
    ins.setLong(4, t.createdAt().toEpochMilli());
    ins.executeUpdate();
  }

  /** Writer: see MetadataStore#updateNotificationTarget. */
  static NotificationTarget updateTarget(Conn c, String id, String config) throws SQLException {
    PreparedStatement ps = c.ps("UPDATE notification_targets SET config = ? WHERE id = ?");
    ps.setString(1, config);
    ps.setString(2, id);
    if (ps.executeUpdate() == 0) {
      throw new CofferException(ErrorCode.NO_SUCH_NOTIFICATION_TARGET);
    }
    return findTarget(c, id).orElseThrow();
  }

  /** Writer: see MetadataStore#deleteNotificationTarget. */
  static void deleteTarget(Conn c, String id) throws SQLException {
    if (findTarget(c, id).isEmpty()) {
      throw new CofferException(ErrorCode.NO_SUCH_NOTIFICATION_TARGET);
    }
    List<String> buckets = bucketsNotifying(c, id);
    if (!buckets.isEmpty()) {
      throw new CofferException(
          ErrorCode.NOTIFICATION_TARGET_IN_USE,
          "The notification target is still named by the notification configuration of "
              + (buckets.size() == 1 ? "bucket " : "buckets ")
              + String.join(", ", buckets)
              + ".");
    }
    OutboxSql.removeAll(c, id);
    PreparedStatement del = c.ps("DELETE FROM notification_targets WHERE id = ?");
    del.setString(1, id);
    del.executeUpdate();
    // counts this group changed belong to the deleted row, not to a target created again
    c.op.perTarget.remove(id);
    c.group.perTarget.remove(id);
  }

  static Optional<NotificationTarget> findTarget(Conn c, String id) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT id, type, config, created_at FROM notification_targets WHERE id = ?");
    ps.setString(1, id);
    return Rows.one(ps, NotificationSql::target);
  }

  static List<NotificationTarget> listTargets(Conn c) throws SQLException {
    return Rows.all(
        c.ps("SELECT id, type, config, created_at FROM notification_targets ORDER BY id"),
        NotificationSql::target);
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

  /** See MetadataStore#bucketsNotifying. */
  static List<String> bucketsNotifying(Conn c, String targetId) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT DISTINCT bucket FROM notification_rules WHERE target_id = ? ORDER BY bucket");
    ps.setString(1, targetId);
    return Rows.all(ps, rs -> rs.getString(1));
  }
}
