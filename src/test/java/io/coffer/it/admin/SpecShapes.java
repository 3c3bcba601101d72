package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * The response examples of the specification (copied from its text) and a comparison of shapes: the
 * same field names with the same JSON types, recursively; fields the specification does not show
 * are allowed only when named as ours ("beyond").
 */
final class SpecShapes {
  private SpecShapes() {}

  static final String STATS =
      """
      {"credentials": 5, "buckets": 12, "objects": 1250, "total_storage": 1073741824,
       "total_storage_human": "1.0 GB", "active_multipart_uploads": 3, "active_presigned_urls": 15}
      """;

  static final String CREDENTIAL_CREATED =
      """
      {"id": 1, "access_key": "AKIAIOSFODNN7EXAMPLE",
       "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "user_name": "john-doe",
       "is_active": true, "created_at": "2023-01-15T10:30:00Z"}
      """;

  static final String BUCKET =
      """
      {"name": "my-bucket", "region": "us-east-1", "owner": "john-doe",
       "created_at": "2023-01-15T10:30:00Z", "object_count": 150, "total_size": 1073741824,
       "total_size_human": "1.0 GB", "versioning": null, "object_lock": false, "quota_bytes": null}
      """;

  static final String OBJECT =
      """
      {"key": "photos/vacation.jpg", "size": 1024000, "size_human": "1.0 MB",
       "content_type": "image/jpeg", "etag": "9bb58f26192e4ba00f01e2e7b136bbd8",
       "is_multipart": false, "created_at": "2023-01-15T10:30:00Z"}
      """;

  static final String CREDENTIAL_DETAIL =
      """
      {"id": 1, "access_key": "AKIAIOSFODNN7EXAMPLE", "user_name": "john-doe", "is_active": true,
       "created_at": "2023-01-15T10:30:00Z", "bucket_count": 3, "buckets": [%s]}
      """
          .formatted(BUCKET);

  static final String MESSAGE =
      """
      {"message": "Operation completed successfully"}
      """;

  static final String BUCKET_LIST = "{\"buckets\": [" + BUCKET + "]}";

  static final String BUCKET_DETAIL =
      """
      {"name": "my-bucket", "region": "us-east-1", "owner": "john-doe",
       "created_at": "2023-01-15T10:30:00Z", "object_count": 150, "total_size": 1073741824,
       "total_size_human": "1.0 GB", "versioning": null, "object_lock": false, "quota_bytes": null,
       "objects": [%s]}
      """
          .formatted(OBJECT);

  static final String OBJECT_LIST = "{\"objects\": [" + OBJECT + "]}";

  static final String DELETED =
      """
      {"deleted": ["file1.txt", "file2.txt"]}
      """;

  static final String OBJECT_DETAIL =
      """
      {"key": "photos/vacation.jpg", "size": 1024000, "size_human": "1.0 MB",
       "content_type": "image/jpeg", "etag": "9bb58f26192e4ba00f01e2e7b136bbd8",
       "is_multipart": false, "created_at": "2023-01-15T10:30:00Z", "part_count": 0,
       "metadata": {"user-id": "12345", "category": "photos"},
       "storage_path": "my-bucket/objects/ab/cd/abcdef123456...",
       "updated_at": "2023-01-15T10:30:00Z", "version_id": "null", "retention_mode": null,
       "retain_until": null, "legal_hold": false, "encryption": null}
      """;

  /** The version list (retention_mode and retain_until are null without a retention). */
  static final String VERSION_LIST =
      """
      {"versions": [{"key": "a.txt", "version_id": "0123456789abcdef0123456789abcdef",
        "is_latest": true, "is_delete_marker": false, "size": 5, "size_human": "5.0 B",
        "etag": "9bb58f26192e4ba00f01e2e7b136bbd8", "created_at": "2023-01-15T10:30:00Z",
        "retention_mode": null, "retain_until": null, "legal_hold": false}],
       "truncated": false}
      """;

  static final String UPLOADS =
      """
      {"uploads": [{"upload_id": "upload_12345_abcdef", "object_key": "large-file.zip",
        "initiated_by": "john-doe", "content_type": "application/zip",
        "initiated_at": "2023-01-15T10:30:00Z", "part_count": 5, "total_size": 26214400,
        "total_size_human": "25.0 MB"}]}
      """;

  static final String PRESIGNED_LIST =
      """
      {"urls": [{"bucket_name": "my-bucket", "object_key": "file.txt", "method": "GET",
        "access_key": "AKIAIOSFODNN7EXAMPLE", "expires_at": "2023-01-15T11:30:00Z",
        "created_at": "2023-01-15T10:30:00Z"}]}
      """;

  static final String PRESIGNED_CREATED =
      """
      {"url": "/my-bucket/file.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&hash=def456"}
      """;

  /** Asserts that {@code actual} has the example's fields and types; extras must be listed. */
  static void assertShape(String example, JsonNode actual, String... beyond) {
    compare(Api.JSON.readTree(example), actual, "$", Set.of(beyond));
  }

  private static void compare(
      JsonNode expected, JsonNode actual, String where, Set<String> beyond) {
    assertThat(type(actual)).as("JSON type at %s", where).isEqualTo(type(expected));
    if (expected.isObject()) {
      Set<String> names = new TreeSet<>(actual.propertyNames());
      assertThat(names).as("fields at %s", where).containsAll(expected.propertyNames());
      names.removeAll(expected.propertyNames());
      assertThat(names).as("fields at %s not in the specification", where).isSubsetOf(beyond);
      // Free-form maps (user metadata) have their own keys; compare only declared fields.
      boolean freeForm = where.endsWith(".metadata");
      if (!freeForm) {
        for (String name : expected.propertyNames()) {
          compare(expected.get(name), actual.get(name), where + "." + name, beyond);
        }
      } else {
        actual
            .properties()
            .forEach(
                e -> assertThat(e.getValue().isString()).as("%s.%s", where, e.getKey()).isTrue());
      }
    } else if (expected.isArray() && !expected.isEmpty()) {
      for (int i = 0; i < actual.size(); i++) {
        compare(expected.get(0), actual.get(i), where + "[" + i + "]", beyond);
      }
    }
  }

  private static String type(JsonNode node) {
    JsonNodeType t = node.getNodeType();
    if (t == JsonNodeType.NUMBER) {
      return node.isIntegralNumber() ? "integer" : "number";
    }
    return t.name();
  }
}
