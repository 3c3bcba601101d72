package io.coffer.it.listing;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import io.coffer.it.support.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/** What backup tools ask of every bucket before versioning exists: versions are "null". */
class VersionsIT {
  static final String BUCKET = "versions";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final List<String> KEYS = List.of("a.txt", "dir/1", "dir/2", "dir/sub/3", "e", "f/1", "g");
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    for (String key : KEYS) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("content of " + key));
    }
  }

  @Test
  void versionsAreTheCurrentObjectsWithVersionIdNull() {
    ListObjectVersionsResponse all = s3.listObjectVersions(b -> b.bucket(BUCKET));
    assertThat(all.versions()).extracting(ObjectVersion::key).isEqualTo(KEYS);
    for (ObjectVersion version : all.versions()) {
      assertThat(version.versionId()).isEqualTo("null");
      assertThat(version.isLatest()).isTrue();
      assertThat(version.size()).isEqualTo(("content of " + version.key()).length());
      assertThat(version.eTag())
          .isEqualTo("\"" + TestData.md5Hex(("content of " + version.key()).getBytes()) + "\"");
    }
    assertThat(all.deleteMarkers()).isEmpty();
    assertThat(all.isTruncated()).isFalse();
  }

  @Test
  void prefixAndDelimiterGroupVersions() {
    ListObjectVersionsResponse dir =
        s3.listObjectVersions(b -> b.bucket(BUCKET).prefix("dir/").delimiter("/"));
    assertThat(dir.versions()).extracting(ObjectVersion::key).containsExactly("dir/1", "dir/2");
    assertThat(dir.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/sub/");
    ListObjectVersionsResponse top = s3.listObjectVersions(b -> b.bucket(BUCKET).delimiter("/"));
    assertThat(top.versions()).extracting(ObjectVersion::key).containsExactly("a.txt", "e", "g");
    assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/", "f/");
  }

  @Test
  void keyMarkerAndMaxKeysPage() {
    List<String> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    while (true) {
      String from = marker;
      ListObjectVersionsResponse page =
          s3.listObjectVersions(b -> b.bucket(BUCKET).maxKeys(3).keyMarker(from));
      pages++;
      assertThat(page.versions().size()).isLessThanOrEqualTo(3);
      page.versions().forEach(v -> seen.add(v.key()));
      if (!page.isTruncated()) {
        break;
      }
      marker = page.nextKeyMarker();
      assertThat(page.nextVersionIdMarker()).isEqualTo("null");
    }
    assertThat(seen).isEqualTo(KEYS);
    assertThat(pages).isEqualTo(3);
    assertThat(s3.listObjectVersionsPaginator(b -> b.bucket(BUCKET).maxKeys(2)).versions())
        .extracting(ObjectVersion::key)
        .isEqualTo(KEYS);
  }

  @Test
  void bucketVersioningIsAnEmptyConfiguration() throws Exception {
    var versioning = s3.getBucketVersioning(b -> b.bucket(BUCKET));
    assertThat(versioning.status()).isNull();
    assertThat(versioning.mfaDelete()).isNull();
    var raw =
        SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, null).query("versioning", "").send();
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(SignedHttp.text(raw)).contains("VersioningConfiguration").doesNotContain("<Status>");
  }

  @Test
  void versionIdNullIsAcceptedOnGetHeadAndDelete() {
    s3.putObject(b -> b.bucket(BUCKET).key("nullable"), RequestBody.fromString("n"));
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("nullable").versionId("null"))
                .asUtf8String())
        .isEqualTo("n");
    assertThat(
            s3.headObject(b -> b.bucket(BUCKET).key("nullable").versionId("null")).contentLength())
        .isEqualTo(1);
    assertS3Error(
        400,
        "InvalidArgument",
        () -> s3.getObject(b -> b.bucket(BUCKET).key("nullable").versionId("3sL4kqtJlcpXroDTDmJ")));
    s3.deleteObject(b -> b.bucket(BUCKET).key("nullable").versionId("null"));
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key("nullable")));
  }
}
