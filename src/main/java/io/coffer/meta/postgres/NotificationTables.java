package io.coffer.meta.postgres;

import java.util.List;

/**
 * The tables of event notifications (section C of {@link Schema}), SQLite's version 9 in
 * PostgreSQL's types, plus what several nodes need: the event sequencer is a sequence (it keeps
 * growing across nodes and restarts, and needs no row lock), and live_listeners says which buckets
 * some node's live listener (ListenBucketNotification) hears, so that only those buckets' writes
 * are sent to the other nodes.
 */
final class NotificationTables {
  private NotificationTables() {}

  static final List<String> DDL =
      List.of(
          // queued and dropped: as SQLite's (and as migrated from it); what changed since is in
          // target_counts, so the bound on a queue is checked without counting rows
          """
          CREATE TABLE notification_targets (
            id text COLLATE "C" PRIMARY KEY,
            type text NOT NULL,
            config text NOT NULL,
            created_at bigint NOT NULL,
            queued bigint NOT NULL DEFAULT 0,
            dropped bigint NOT NULL DEFAULT 0)\
          """,
          // a bucket's rules as the write path matches them; they go with their bucket
          """
          CREATE TABLE notification_rules (
            bucket text COLLATE "C" NOT NULL REFERENCES buckets (name) ON DELETE CASCADE,
            configuration_id text NOT NULL,
            target_id text COLLATE "C" NOT NULL REFERENCES notification_targets (id),
            event_mask bigint NOT NULL,
            prefix bytea NOT NULL,
            suffix bytea NOT NULL,
            PRIMARY KEY (bucket, configuration_id))\
          """,
          "CREATE INDEX notification_rules_target ON notification_rules (target_id, bucket)",
          // a target's queued and dropped changes in striped rows, summed on read (with the
          // target's own columns): writers queuing for one target do not take turns at one row
          """
          CREATE TABLE target_counts (
            target_id text COLLATE "C" NOT NULL
              REFERENCES notification_targets (id) ON DELETE CASCADE,
            stripe integer NOT NULL,
            queued bigint NOT NULL,
            dropped bigint NOT NULL,
            PRIMARY KEY (target_id, stripe))\
          """,
          """
          CREATE TABLE event_outbox (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            target_id text COLLATE "C" NOT NULL,
            configuration_id text NOT NULL,
            name text NOT NULL,
            bucket text NOT NULL,
            key bytea,
            size bigint NOT NULL,
            etag text,
            version_id text,
            sequencer text NOT NULL,
            time_ms bigint NOT NULL,
            request_id text NOT NULL,
            principal_id text NOT NULL,
            source_ip text)\
          """,
          "CREATE INDEX event_outbox_target ON event_outbox (target_id, seq)",
          // no CACHE: each nextval is greater than every one handed out before, on any node
          "CREATE SEQUENCE event_sequencer",
          """
          CREATE TABLE live_listeners (
            origin text NOT NULL,
            bucket text COLLATE "C" NOT NULL,
            expires_at bigint NOT NULL,
            PRIMARY KEY (origin, bucket))\
          """);
}
