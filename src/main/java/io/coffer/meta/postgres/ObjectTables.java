package io.coffer.meta.postgres;

import java.util.List;

/**
 * The tables of buckets, objects, versions and multipart uploads (section B of {@link Schema}), the
 * final shapes of SQLite's schema version 9 in PostgreSQL's types. Object keys are {@code bytea},
 * the UTF-8 bytes of the key: bytea compares bytewise, which is S3's listing order, and unlike
 * {@code text} it holds a NUL. Bucket names are {@code text COLLATE "C"}. A bucket's object count
 * and size are not columns here but the striped {@code bucket_counters} rows (CounterSql), so that
 * writers to one bucket do not all wait for the bucket's row.
 */
final class ObjectTables {
  private ObjectTables() {}

  static final List<String> DDL =
      List.of(
          """
          CREATE TABLE buckets (
            name text COLLATE "C" PRIMARY KEY,
            id text NOT NULL UNIQUE,
            owner_id bigint NOT NULL,
            region text NOT NULL,
            created_at bigint NOT NULL,
            versioning text,
            object_lock boolean NOT NULL DEFAULT false,
            lock_default_mode text,
            lock_default_days integer,
            lock_default_years integer,
            policy text,
            acl text,
            object_ownership text,
            public_access_block text,
            tags text,
            cors text,
            lifecycle text,
            quota_bytes bigint,
            encryption text,
            notification text)\
          """,
          "CREATE INDEX buckets_by_owner ON buckets (owner_id, name)",
          // The current version of each key that is an object (not a delete marker): listings
          // scan this table only, whatever the number of old versions.
          """
          CREATE TABLE objects (
            bucket text COLLATE "C" NOT NULL,
            key bytea NOT NULL,
            storage_id text NOT NULL,
            size bigint NOT NULL,
            etag text NOT NULL,
            content_type text,
            headers text,
            user_meta text,
            checksum_algorithm text,
            checksum_value text,
            checksum_type text,
            part_count integer NOT NULL,
            created_at bigint NOT NULL,
            updated_at bigint NOT NULL,
            inline_id bigint,
            version_id text NOT NULL DEFAULT 'null',
            seq bigint NOT NULL DEFAULT 0,
            lock text,
            acl text,
            tags text,
            encryption text,
            PRIMARY KEY (bucket, key))\
          """,
          // Noncurrent versions and delete markers; within a key, a higher seq is newer.
          """
          CREATE TABLE object_versions (
            bucket text COLLATE "C" NOT NULL,
            key bytea NOT NULL,
            seq bigint NOT NULL,
            storage_id text NOT NULL,
            size bigint NOT NULL,
            etag text NOT NULL,
            content_type text,
            headers text,
            user_meta text,
            checksum_algorithm text,
            checksum_value text,
            checksum_type text,
            part_count integer NOT NULL,
            created_at bigint NOT NULL,
            updated_at bigint NOT NULL,
            inline_id bigint,
            version_id text NOT NULL,
            lock text,
            delete_marker boolean NOT NULL,
            acl text,
            tags text,
            encryption text,
            PRIMARY KEY (bucket, key, seq))\
          """,
          """
          CREATE TABLE segments (
            storage_id text NOT NULL,
            part_number integer NOT NULL,
            blob_id text NOT NULL,
            size bigint NOT NULL,
            etag text NOT NULL,
            checksum_algorithm text,
            checksum_value text,
            checksum_type text,
            PRIMARY KEY (storage_id, part_number))\
          """,
          // Small bodies kept in the database instead of a blob file (objects.inline_id).
          """
          CREATE TABLE inline_bodies (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            data bytea NOT NULL)\
          """,
          // seq orders the uploads of one key by initiation (ListMultipartUploads).
          """
          CREATE TABLE uploads (
            upload_id text PRIMARY KEY,
            seq bigint GENERATED ALWAYS AS IDENTITY,
            bucket text COLLATE "C" NOT NULL,
            key bytea NOT NULL,
            initiator_id bigint NOT NULL,
            content_type text,
            headers text,
            user_meta text,
            checksum_algorithm text,
            checksum_type text,
            initiated_at bigint NOT NULL,
            lock text,
            acl text,
            tags text,
            encryption text)\
          """,
          "CREATE UNIQUE INDEX uploads_by_key ON uploads (bucket, key, seq)",
          """
          CREATE TABLE parts (
            upload_id text NOT NULL,
            part_number integer NOT NULL,
            blob_id text NOT NULL,
            size bigint NOT NULL,
            etag text NOT NULL,
            checksum_algorithm text,
            checksum_value text,
            checksum_type text,
            last_modified bigint NOT NULL,
            PRIMARY KEY (upload_id, part_number))\
          """,
          // Completed uploads remembered for a while, so a retried completion gets its answer.
          """
          CREATE TABLE completed_uploads (
            upload_id text PRIMARY KEY,
            bucket text COLLATE "C" NOT NULL,
            key bytea NOT NULL,
            etag text NOT NULL,
            size bigint NOT NULL,
            checksum_algorithm text,
            checksum_value text,
            checksum_type text,
            parts_fingerprint text NOT NULL,
            completed_at bigint NOT NULL,
            version_id text NOT NULL DEFAULT 'null')\
          """,
          "CREATE INDEX completed_uploads_by_time ON completed_uploads (completed_at)",
          "CREATE INDEX completed_uploads_by_bucket ON completed_uploads (bucket)");
}
