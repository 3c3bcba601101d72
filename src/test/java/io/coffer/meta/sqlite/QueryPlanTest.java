package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.BucketQuery;
import io.coffer.model.Credential;
import io.coffer.model.DefaultRetention;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.ListQuery;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationTarget;
import io.coffer.model.OutboxEvent;
import io.coffer.model.Part;
import io.coffer.model.RetentionMode;
import io.coffer.model.Segment;
import io.coffer.model.TargetType;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every operation, then asks SQLite for the plan of every statement the store prepared: only
 * the listings of whole small tables and the blob inventory may scan a table or sort.
 */
class QueryPlanTest {
  private static final List<String> MAY_SCAN =
      List.of(
          "FROM credentials ORDER BY id",
          "FROM buckets ORDER BY name",
          "FROM presigned_urls ORDER BY id",
          "FROM policies ORDER BY name",
          "FROM user_groups ORDER BY name",
          "FROM notification_targets ORDER BY id",
          // deleting a credential finds its service accounts (credentials are few; no index)
          "FROM credentials WHERE parent_id = ?",
          "SELECT storage_id FROM objects WHERE part_count = 0 AND inline_id IS NULL",
          "SELECT storage_id FROM object_versions WHERE part_count = 0 AND inline_id IS NULL",
          "SELECT blob_id FROM segments",
          "SELECT blob_id FROM parts");

  @TempDir Path dir;

  /** Every operation on versions, in a bucket with versioning enabled, then suspended. */
  private static void versionedOperations(SqliteMetadataStore store, long owner) {
    Bucket v = store.createBucket("v", owner, "r", T0, false);
    store.setVersioning("v", v.id(), Versioning.ENABLED);
    store.setObjectLock("v", v.id(), new DefaultRetention(RetentionMode.GOVERNANCE, 1, null));
    String v1 = "0000000000000000000000000000000a";
    String v2 = "0000000000000000000000000000000b";
    Fixtures.put(
        store, Fixtures.object("v", "k", "s1", 1, "e").withVersion(v1), WritePrecondition.NONE);
    Fixtures.put(
        store, Fixtures.object("v", "k", "s2", 1, "e").withVersion(v2), WritePrecondition.NONE);
    store.findVersion("v", "k", v1);
    store.findVersion("v", "k", null);
    store.updateLock("v", "k", v1, lock -> lock.withLegalHold(io.coffer.model.LegalHold.ON));
    store.updateLock("v", "k", null, lock -> lock.withLegalHold(io.coffer.model.LegalHold.OFF));
    store.deleteObject("v", "k", null, WritePrecondition.NONE, "m1", T0, false, null);
    store.findVersion("v", "k", null);
    store.listVersions(new VersionQuery("v", "", "/", null, null, 10));
    store.listVersions(new VersionQuery("v", "", null, "k", v2, 10));
    store.deleteObject("v", "k", "m1", WritePrecondition.NONE, "m2", T0, false, null);
    store.deleteObject("v", "k", v2, WritePrecondition.NONE, "m3", T0, false, null);
    Fixtures.put(
        store, Fixtures.inline("v", "i", "s5", new byte[] {1}, "e"), WritePrecondition.NONE);
  }

  /** Every operation on notification targets, rules and the outbox, and the events of writes. */
  private static void notificationOperations(SqliteMetadataStore store, long owner) {
    Bucket n = store.createBucket("n", owner, "r", T0, false);
    store.createNotificationTarget(
        new NotificationTarget("t", TargetType.WEBHOOK, "{\"endpoint\":\"http://h/\"}", T0));
    store.updateNotificationTarget("t", "{\"endpoint\":\"http://i/\"}");
    store.findNotificationTarget("t");
    store.listNotificationTargets();
    NotificationConfiguration config =
        new NotificationConfiguration(
            List.of(
                new NotificationRule(
                    "r",
                    NotificationRule.Kind.QUEUE,
                    NotificationTarget.arn("t", TargetType.WEBHOOK),
                    "t",
                    List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*", "s3:ObjectTagging:*"),
                    "a/",
                    ".txt")));
    EventDraft put = new EventDraft(EventName.OBJECT_CREATED_PUT, "q", "AK", null);
    store.setBucketNotification("n", n.id(), config, put.withName(EventName.TEST_EVENT));
    store.setBucketNotification("n", n.id(), config, null);
    store.setEventListener(e -> {});
    store.putObject(n.id(), Fixtures.object("n", "a/1.txt", "s1", 1, "e"), null, put);
    store.setObjectTags(
        "n", "a/1.txt", null, Map.of("k", "v"), put.withName(EventName.OBJECT_TAGGING_PUT));
    store.deleteObject(
        "n",
        "a/1.txt",
        null,
        WritePrecondition.NONE,
        "m",
        T0,
        false,
        put.withName(EventName.OBJECT_REMOVED_DELETE));
    store.bucketsNotifying("t");
    store.outboxStats("t");
    List<Long> seqs = store.queuedEvents("t", 10).stream().map(OutboxEvent::seq).toList();
    store.removeQueuedEvents("t", seqs);
    store.setEventListener(null);
    Fixtures.deleteBucket(store, "n");
    store.deleteNotificationTarget("t");
  }

  /** Every operation on policies, groups, attachments and service accounts. */
  private static void identityOperations(SqliteMetadataStore store, long c, long d) {
    String doc = "{}";
    store.createPolicy("p", doc, T0);
    store.createPolicy("q", doc, T0);
    store.updatePolicy("q", doc, T0);
    store.findPolicy("p");
    store.listPolicies();
    store.createGroup("g", List.of(c, d), List.of("p"), T0);
    store.updateGroup("g", List.of(d), List.of("p", "readonly"));
    store.findGroup("g");
    store.listGroups();
    store.attachPolicies(d, List.of("q"));
    store.policiesAttachedTo(d);
    store.groupsOf(d);
    store.policyTargets("p");
    store.createCredential(
        new io.coffer.model.NewCredential("SA", "SK", "sa", d, T0, doc, List.of(), List.of()), T0);
    store.createCredential(
        new io.coffer.model.NewCredential(
            "AK3", "SK", "u", null, null, null, List.of("p"), List.of("g")),
        T0);
    store.createGroup("h", List.of(), List.of(), T0);
    store.deleteGroup("h");
    store.createPolicy("r", doc, T0);
    store.deletePolicy("r");
  }

  @Test
  void noOperationScansATable() throws Exception {
    Path db = dir.resolve("meta.db");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, false)) {
      Credential c = store.createCredential("AK", "SK", "u", T0);
      Credential d = store.createCredential("AK2", "SK", "u", T0);
      store.findCredential(c.id());
      store.findCredentialByAccessKey("AK");
      store.listCredentials();
      store.updateCredential(c.id(), "x", false);
      store.createBucket("b", c.id(), "r", T0, false);
      store.createBucket("e", c.id(), "r", T0, false);
      store.findBucket("b");
      store.listBuckets();
      store.listBucketsOwnedBy(c.id());
      store.listBuckets(new BucketQuery(c.id(), "b", "r", null, 10));
      store.listBuckets(new BucketQuery(c.id(), "", null, "b", 10));
      store.listBuckets(new BucketQuery(BucketQuery.ANY_OWNER, "b", "r", null, 10));
      store.listBuckets(new BucketQuery(BucketQuery.ANY_OWNER, "", null, "b", 10));
      Fixtures.put(store, Fixtures.object("b", "a/1", "s1", 1, "e"), WritePrecondition.NONE);
      Fixtures.put(
          store, Fixtures.object("b", "a/1", "s2", 1, "e"), new WritePrecondition("e", false));
      store.findObject("b", "a/1");
      store.findBucketRef("b");
      Fixtures.put(
          store, Fixtures.inline("b", "i", "s3", new byte[] {1}, "e"), WritePrecondition.NONE);
      Fixtures.put(
          store, Fixtures.inline("b", "i", "s4", new byte[] {2}, "e"), WritePrecondition.NONE);
      store.findObject("b", "i");
      Fixtures.delete(store, "b", "i", WritePrecondition.NONE);
      store.listObjects(new ListQuery("b", "", "/", null, 10));
      store.listObjects(new ListQuery("b", "a", null, "a/0", 10));
      store.createUpload(Fixtures.upload("u1", "b", "k"));
      store.createUpload(Fixtures.upload("u2", "b", "k"));
      store.createUpload(Fixtures.upload("u3", "e", "k"));
      store.findUpload("u1");
      store.putPart(Fixtures.part("u1", 1, "p1", 1));
      store.putPart(Fixtures.part("u1", 1, "p1b", 1));
      store.listParts("u1", 0, 10);
      store.listUploads("b", "", "/", null, null, 10);
      store.listUploads("b", "", null, "k", "u1", 1);
      List<Segment> segs = new ArrayList<>();
      for (Part p : store.listParts("u1", 0, 10)) {
        segs.add(p.toSegment());
      }
      Fixtures.complete(
          store,
          "u1",
          Fixtures.multipartObject("b", "a/1", "m", 1, "e-1", 1),
          segs,
          WritePrecondition.NONE);
      store.findSegments("m");
      store.findCompletedUpload("u1");
      // a retried completion meets the remembered one
      Fixtures.complete(
          store,
          "u1",
          Fixtures.multipartObject("b", "a/1", "m", 1, "e-1", 1),
          segs,
          WritePrecondition.NONE);
      store.abortUpload("u2");
      Fixtures.delete(store, "b", "a/1", WritePrecondition.NONE);
      versionedOperations(store, c.id());
      notificationOperations(store, c.id());
      Fixtures.deleteBucket(store, "e");
      Fixtures.deleteBucket(store, "b");
      store.createPresignedUrl("h", "x", "k", "GET", d.id(), T0, T0);
      store.findPresignedUrlByHash("h");
      store.listPresignedUrls();
      store.revokePresignedUrl(1);
      store.revokePresignedUrlsOf(d.id());
      identityOperations(store, c.id(), d.id());
      store.deleteCredential(d.id());
      store.stats(T0);
      store.forEachReferencedBlob(x -> {});

      Map<String, List<String>> offending = new TreeMap<>();
      try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement s = raw.createStatement()) {
        for (String sql : store.preparedSql()) {
          if (sql.startsWith("PRAGMA") || MAY_SCAN.stream().anyMatch(sql::contains)) {
            continue;
          }
          List<String> plan = new ArrayList<>();
          try (ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
              plan.add(rs.getString("detail"));
            }
          } catch (java.sql.SQLException e) {
            continue; // transaction control and the like have no plan
          }
          if (plan.stream().anyMatch(l -> l.startsWith("SCAN") || l.contains("TEMP B-TREE"))) {
            offending.put(sql, plan);
          }
        }
      }
      assertThat(store.preparedSql()).hasSizeGreaterThan(40);
      // the write path's rule matching and the outbox were among them
      assertThat(store.preparedSql())
          .anyMatch(sql -> sql.contains("FROM notification_rules r JOIN notification_targets"))
          .anyMatch(sql -> sql.startsWith("INSERT INTO event_outbox"))
          .anyMatch(sql -> sql.contains("FROM event_outbox WHERE target_id = ? ORDER BY seq"));
      assertThat(offending).isEmpty();
    }
  }
}
