package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Writes as versioning moves from never enabled to Enabled to Suspended, and conditional writes
 * against versions: what each state makes of a PUT and a DELETE.
 */
class VersioningStatesIT {
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets();
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  private static void versioning(String bucket, BucketVersioningStatus status) {
    s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(status)));
  }

  private static String put(String bucket, String key, String body) {
    return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
  }

  private static List<String> versionIds(String bucket, String key) {
    ListObjectVersionsResponse listed = s3.listObjectVersions(b -> b.bucket(bucket).prefix(key));
    return listed.versions().stream().map(ObjectVersion::versionId).toList();
  }

  @Test
  void objectsFromBeforeVersioningAreTheNullVersionAndSuspendedWritesReplaceIt() {
    s3.createBucket(b -> b.bucket("states"));
    assertThat(put("states", "k", "before")).isNull(); // never versioned: no version id at all
    versioning("states", BucketVersioningStatus.ENABLED);
    String enabled = put("states", "k", "enabled");
    assertThat(versionIds("states", "k")).containsExactly(enabled, "null");
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket("states").key("k").versionId("null")).asUtf8String())
        .isEqualTo("before");

    versioning("states", BucketVersioningStatus.SUSPENDED);
    assertThat(put("states", "k", "suspended-1")).isEqualTo("null");
    assertThat(put("states", "k", "suspended-2")).isEqualTo("null");
    // the null version was replaced twice, the enabled one stays
    assertThat(versionIds("states", "k")).containsExactly("null", enabled);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("states").key("k")).asUtf8String())
        .isEqualTo("suspended-2");
    var deleted = s3.deleteObject(b -> b.bucket("states").key("k"));
    assertThat(deleted.deleteMarker()).isTrue();
    assertThat(deleted.versionId()).isEqualTo("null");
    assertThat(
            s3.listObjectVersions(b -> b.bucket("states").prefix("k")).deleteMarkers().stream()
                .map(m -> m.versionId() + (m.isLatest() ? "*" : ""))
                .toList())
        .containsExactly("null*");
    assertThat(versionIds("states", "k")).containsExactly(enabled);
  }

  @Test
  void ifNoneMatchSeesTheCurrentVersionAndADeleteMarkerAsAbsent() {
    s3.createBucket(b -> b.bucket("conditional"));
    versioning("conditional", BucketVersioningStatus.ENABLED);
    s3.putObject(
        b -> b.bucket("conditional").key("once").ifNoneMatch("*"), RequestBody.fromString("1"));
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.putObject(
                b -> b.bucket("conditional").key("once").ifNoneMatch("*"),
                RequestBody.fromString("2")));
    s3.deleteObject(b -> b.bucket("conditional").key("once"));
    s3.putObject(
        b -> b.bucket("conditional").key("once").ifNoneMatch("*"), RequestBody.fromString("3"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("conditional").key("once")).asUtf8String())
        .isEqualTo("3");
    // the refused write left no version behind: 1, the marker, 3
    ListObjectVersionsResponse listed =
        s3.listObjectVersions(b -> b.bucket("conditional").prefix("once"));
    assertThat(listed.versions()).hasSize(2);
    assertThat(listed.deleteMarkers()).hasSize(1);
  }

  @Test
  void aBucketWithOnlyOldVersionsOrMarkersCannotBeDeleted() {
    s3.createBucket(b -> b.bucket("not-empty"));
    versioning("not-empty", BucketVersioningStatus.ENABLED);
    put("not-empty", "k", "x");
    s3.deleteObject(b -> b.bucket("not-empty").key("k"));
    assertThat(s3.listObjectsV2(b -> b.bucket("not-empty")).contents()).isEmpty();
    assertS3Error(409, "BucketNotEmpty", () -> s3.deleteBucket(b -> b.bucket("not-empty")));
    for (ObjectVersion v : s3.listObjectVersions(b -> b.bucket("not-empty")).versions()) {
      s3.deleteObject(b -> b.bucket("not-empty").key(v.key()).versionId(v.versionId()));
    }
    s3.listObjectVersions(b -> b.bucket("not-empty"))
        .deleteMarkers()
        .forEach(
            m -> s3.deleteObject(b -> b.bucket("not-empty").key(m.key()).versionId(m.versionId())));
    s3.deleteBucket(b -> b.bucket("not-empty"));
  }
}
