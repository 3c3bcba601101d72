package io.coffer.it.listing;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * ListObjectVersions of a versioned bucket: every version and delete marker exactly once, by key
 * and newest first within a key, however small the pages.
 */
class ListObjectVersionsIT {
  static final String BUCKET = "version-listing";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;

  /** One entry of the listing: a version (its size tells which write it was) or a marker. */
  record Entry(String key, String versionId, boolean marker, boolean latest, long size) {}

  /**
   * What was written, oldest first per key: a number is a PUT of that many bytes, "x" a DELETE
   * (which adds a delete marker).
   */
  static final List<String[]> HISTORY =
      List.of(
          new String[] {"a", "1", "2", "3"},
          new String[] {"b/1", "1", "2"},
          new String[] {"b/2", "4", "x"},
          new String[] {"b/sub/3", "5"},
          new String[] {"c", "1", "x", "3"},
          new String[] {"d", "x", "x"},
          new String[] {"e e", "6"});

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    // written before versioning: its one version stays "null"
    s3.putObject(b -> b.bucket(BUCKET).key("0-before"), RequestBody.fromString("n"));
    s3.putBucketVersioning(
        b ->
            b.bucket(BUCKET)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    for (String[] history : HISTORY) {
      String key = history[0];
      for (int i = 1; i < history.length; i++) {
        if (history[i].equals("x")) {
          s3.deleteObject(b -> b.bucket(BUCKET).key(key));
        } else {
          String body = "v".repeat(Integer.parseInt(history[i]));
          s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
        }
      }
    }
  }

  /** The listing expected: keys in order, each key's writes newest first, markers size -1. */
  static List<String> expectedShape() {
    List<String> shape = new ArrayList<>();
    shape.add("0-before:1:latest");
    for (String[] history : HISTORY) {
      for (int i = history.length - 1; i >= 1; i--) {
        String what = history[i].equals("x") ? "marker" : history[i];
        shape.add(history[0] + ":" + what + (i == history.length - 1 ? ":latest" : ""));
      }
    }
    return shape;
  }

  static String shape(Entry e) {
    return e.key()
        + ":"
        + (e.marker() ? "marker" : Long.toString(e.size()))
        + (e.latest() ? ":latest" : "");
  }

  @Test
  void everyVersionAndDeleteMarkerInKeyOrderNewestFirst() throws Exception {
    Page all = rawPage(null, null, 1000, null);
    assertThat(all.truncated()).isFalse();
    assertThat(all.entries().stream().map(ListObjectVersionsIT::shape).toList())
        .isEqualTo(expectedShape());
    assertThat(all.entries().getFirst().versionId()).isEqualTo("null");
    for (Entry e : all.entries().subList(1, all.entries().size())) {
      assertThat(e.versionId()).matches("[0-9a-f]{32}");
    }
    assertThat(all.entries().stream().map(Entry::versionId).distinct().count())
        .isEqualTo(all.entries().size());

    ListObjectVersionsResponse sdk = s3.listObjectVersions(b -> b.bucket(BUCKET));
    assertThat(sdk.versions()).hasSize(11);
    assertThat(sdk.deleteMarkers()).hasSize(4);
    assertThat(sdk.deleteMarkers())
        .filteredOn(DeleteMarkerEntry::isLatest)
        .extracting(DeleteMarkerEntry::key)
        .containsExactly("b/2", "d");
    ObjectVersion newestA = sdk.versions().get(1);
    assertThat(newestA.key()).isEqualTo("a");
    assertThat(newestA.isLatest()).isTrue();
    assertThat(newestA.size()).isEqualTo(3);
    assertThat(newestA.eTag()).startsWith("\"").endsWith("\"");
    assertThat(newestA.owner()).isNotNull();
    assertThat(sdk.deleteMarkers().getFirst().owner()).isNotNull();
  }

  @Test
  void smallPagesReturnEveryEntryExactlyOnceInOrder() throws Exception {
    List<Entry> all = rawPage(null, null, 1000, null).entries();
    for (int maxKeys : new int[] {1, 2, 3, 5}) {
      List<Entry> seen = new ArrayList<>();
      String keyMarker = null;
      String versionIdMarker = null;
      int pages = 0;
      while (true) {
        Page page = rawPage(keyMarker, versionIdMarker, maxKeys, null);
        pages++;
        assertThat(page.entries().size()).isLessThanOrEqualTo(maxKeys);
        seen.addAll(page.entries());
        if (!page.truncated()) {
          break;
        }
        assertThat(page.nextKeyMarker()).isNotNull();
        keyMarker = page.nextKeyMarker();
        versionIdMarker = page.nextVersionIdMarker();
        assertThat(pages).isLessThan(100);
      }
      assertThat(seen).as("max-keys %d", maxKeys).isEqualTo(all);
    }
  }

  @Test
  void theSdkPaginatorSeesEachVersionAndMarkerOnce() {
    var pages = s3.listObjectVersionsPaginator(b -> b.bucket(BUCKET).maxKeys(2));
    List<String> ids = new ArrayList<>();
    for (ListObjectVersionsResponse page : pages) {
      assertThat(page.versions().size() + page.deleteMarkers().size()).isLessThanOrEqualTo(2);
      page.versions().forEach(v -> ids.add(v.key() + "@" + v.versionId()));
      page.deleteMarkers().forEach(m -> ids.add(m.key() + "@" + m.versionId()));
    }
    assertThat(ids).hasSize(15);
    assertThat(new HashSet<>(ids)).hasSize(15);
  }

  @Test
  void aVersionIdMarkerContinuesWithinAKey() {
    ListObjectVersionsResponse a = s3.listObjectVersions(b -> b.bucket(BUCKET).prefix("a"));
    assertThat(a.versions()).extracting(ObjectVersion::size).containsExactly(3L, 2L, 1L);
    String newest = a.versions().getFirst().versionId();
    ListObjectVersionsResponse rest =
        s3.listObjectVersions(
            b -> b.bucket(BUCKET).prefix("a").keyMarker("a").versionIdMarker(newest));
    assertThat(rest.keyMarker()).isEqualTo("a");
    assertThat(rest.versionIdMarker()).isEqualTo(newest);
    assertThat(rest.versions()).extracting(ObjectVersion::size).containsExactly(2L, 1L);
    // a key marker alone starts after every version of that key
    ListObjectVersionsResponse after =
        s3.listObjectVersions(b -> b.bucket(BUCKET).keyMarker("a").maxKeys(1));
    assertThat(after.versions()).extracting(ObjectVersion::key).containsExactly("b/1");
  }

  @Test
  void delimiterGroupsVersionsUnderCommonPrefixes() {
    ListObjectVersionsResponse top = s3.listObjectVersions(b -> b.bucket(BUCKET).delimiter("/"));
    assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("b/");
    assertThat(top.versions()).extracting(ObjectVersion::key).doesNotContain("b/1", "b/2");
    ListObjectVersionsResponse b =
        s3.listObjectVersions(r -> r.bucket(BUCKET).prefix("b/").delimiter("/"));
    assertThat(b.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("b/sub/");
    assertThat(b.versions()).extracting(ObjectVersion::key).containsExactly("b/1", "b/1", "b/2");
    assertThat(b.deleteMarkers()).extracting(DeleteMarkerEntry::key).containsExactly("b/2");
    ListObjectVersionsResponse paged =
        s3.listObjectVersions(r -> r.bucket(BUCKET).delimiter("/").maxKeys(2).keyMarker("a"));
    // after every version of "a": the prefix b/ counts as one entry, then c's newest version
    assertThat(paged.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("b/");
    assertThat(paged.versions()).extracting(ObjectVersion::key).containsExactly("c");
    assertThat(paged.isTruncated()).isTrue();
  }

  @Test
  void urlEncodingAppliesToKeysPrefixesAndMarkers() throws Exception {
    Page page = rawPage("e e", null, 1000, "url");
    assertThat(page.xml()).contains("<KeyMarker>e%20e</KeyMarker>");
    Page encoded = rawPage("d", null, 1000, "url");
    assertThat(encoded.xml())
        .contains("<Key>e%20e</Key>")
        .contains("<EncodingType>url</EncodingType>");
    ListObjectVersionsResponse sdk =
        s3.listObjectVersions(b -> b.bucket(BUCKET).prefix("e ").encodingType(EncodingType.URL));
    // the SDK asks for encoding-type=url and decodes the keys itself
    assertThat(sdk.versions()).extracting(ObjectVersion::key).containsExactly("e e");
  }

  @Test
  void badMarkersAreInvalidArgument() {
    assertS3Error(
        400,
        "InvalidArgument",
        () ->
            s3.listObjectVersions(
                b -> b.bucket(BUCKET).versionIdMarker("7fffffffffffffff0123456789abcdef")));
    assertS3Error(
        400,
        "InvalidArgument",
        () -> s3.listObjectVersions(b -> b.bucket(BUCKET).keyMarker("a").versionIdMarker("bad")));
    assertS3Error(
        404, "NoSuchBucket", () -> s3.listObjectVersions(b -> b.bucket("no-such-versions")));
  }

  @Test
  void maxKeysIsCappedAtAThousand() {
    assertThat(s3.listObjectVersions(b -> b.bucket(BUCKET).maxKeys(5000)).maxKeys())
        .isEqualTo(1000);
    assertThat(s3.listObjectVersions(b -> b.bucket(BUCKET)).maxKeys()).isEqualTo(1000);
  }

  // ---- the raw listing, whose entries keep their interleaved order (the SDK splits them) ----

  record Page(
      List<Entry> entries,
      boolean truncated,
      String nextKeyMarker,
      String nextVersionIdMarker,
      String xml) {}

  private static final Pattern ENTRY =
      Pattern.compile("<(Version|DeleteMarker)>(.*?)</\\1>", Pattern.DOTALL);

  static Page rawPage(String keyMarker, String versionIdMarker, int maxKeys, String encoding)
      throws Exception {
    SignedHttp request =
        SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, null)
            .query("versions", "")
            .query("max-keys", Integer.toString(maxKeys));
    if (keyMarker != null) {
      request.query("key-marker", keyMarker);
    }
    if (versionIdMarker != null) {
      request.query("version-id-marker", versionIdMarker);
    }
    if (encoding != null) {
      request.query("encoding-type", encoding);
    }
    HttpResponse<byte[]> response = request.send();
    assertThat(response.statusCode()).isEqualTo(200);
    String xml = SignedHttp.text(response);
    List<Entry> entries = new ArrayList<>();
    Matcher m = ENTRY.matcher(xml);
    while (m.find()) {
      String body = m.group(2);
      boolean marker = m.group(1).equals("DeleteMarker");
      entries.add(
          new Entry(
              element(body, "Key"),
              element(body, "VersionId"),
              marker,
              Boolean.parseBoolean(element(body, "IsLatest")),
              marker ? -1 : Long.parseLong(element(body, "Size"))));
    }
    Set<String> unique = new HashSet<>();
    for (Entry e : entries) {
      assertThat(unique.add(e.key() + "@" + e.versionId())).isTrue();
    }
    return new Page(
        entries,
        Boolean.parseBoolean(element(xml, "IsTruncated")),
        element(xml, "NextKeyMarker"),
        element(xml, "NextVersionIdMarker"),
        xml);
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
    return m.find() ? m.group(1) : null;
  }
}
