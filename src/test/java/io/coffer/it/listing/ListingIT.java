package io.coffer.it.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

class ListingIT {
  static final String BUCKET = "listing";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;
  static final List<String> KEYS =
      List.of(
          "a.txt",
          "photos/2023/a.jpg",
          "photos/2023/b.jpg",
          "photos/2024/c.jpg",
          "photos/d.jpg",
          "videos/e.mp4",
          "z.txt",
          "Zebra",
          "ünï",
          "b+c",
          "b c");

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    for (String key : KEYS) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }
  }

  static List<String> sortedUtf8(List<String> keys) {
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(
        (x, y) ->
            java.util.Arrays.compareUnsigned(
                x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return sorted;
  }

  @Test
  void v2ListsEveryKeyInUtf8BinaryOrder() {
    ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(BUCKET));
    assertThat(r.contents()).extracting(S3Object::key).containsExactlyElementsOf(sortedUtf8(KEYS));
    assertThat(r.keyCount()).isEqualTo(KEYS.size());
    assertThat(r.isTruncated()).isFalse();
    assertThat(r.contents().get(0).size()).isPositive();
  }

  @Test
  void v2DelimiterGroupsCommonPrefixes() {
    ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(BUCKET).delimiter("/"));
    assertThat(r.commonPrefixes())
        .extracting(CommonPrefix::prefix)
        .containsExactly("photos/", "videos/");
    assertThat(r.contents())
        .extracting(S3Object::key)
        .containsExactly("Zebra", "a.txt", "b c", "b+c", "z.txt", "ünï");
    ListObjectsV2Response photos =
        s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("photos/").delimiter("/"));
    assertThat(photos.commonPrefixes())
        .extracting(CommonPrefix::prefix)
        .containsExactly("photos/2023/", "photos/2024/");
    assertThat(photos.contents()).extracting(S3Object::key).containsExactly("photos/d.jpg");
  }

  @Test
  void v2PagingWithADelimiterVisitsEveryEntryOnce() {
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListObjectsV2Response page =
          s3.listObjectsV2(b -> b.bucket(BUCKET).delimiter("/").maxKeys(2).continuationToken(t));
      assertThat(page.keyCount()).isLessThanOrEqualTo(2);
      page.contents().forEach(o -> seen.add(o.key()));
      page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
      token = page.isTruncated() ? page.nextContinuationToken() : null;
    } while (token != null);
    assertThat(seen)
        .containsExactlyInAnyOrder(
            "Zebra", "a.txt", "b c", "b+c", "photos/", "videos/", "z.txt", "ünï");
  }

  @Test
  void v2StartAfterSkipsEarlierKeys() {
    ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(BUCKET).startAfter("photos/d.jpg"));
    assertThat(r.contents())
        .extracting(S3Object::key)
        .containsExactly("videos/e.mp4", "z.txt", "ünï");
  }

  @Test
  void v1PagesWithMarkersAndDelimiters() {
    List<String> seen = new ArrayList<>();
    String marker = null;
    do {
      String m = marker;
      ListObjectsResponse page =
          s3.listObjects(b -> b.bucket(BUCKET).delimiter("/").maxKeys(3).marker(m));
      page.contents().forEach(o -> seen.add(o.key()));
      page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
      marker = page.isTruncated() ? page.nextMarker() : null;
    } while (marker != null);
    assertThat(seen)
        .containsExactlyInAnyOrder(
            "Zebra", "a.txt", "b c", "b+c", "photos/", "videos/", "z.txt", "ünï");
  }

  @Test
  void urlEncodingTypeRoundTripsOddKeys() {
    // The SDK asks for encoding-type=url and decodes the keys itself.
    ListObjectsV2Response r =
        s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("b").encodingType(EncodingType.URL));
    assertThat(r.contents()).extracting(S3Object::key).containsExactly("b c", "b+c");
  }

  @Test
  void maxKeysOutOfRangeIsCappedAt1000() {
    ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(5000));
    assertThat(r.maxKeys()).isEqualTo(1000);
  }

  @Test
  void listObjectVersionsListsCurrentObjectsAsNullVersions() {
    var r = s3.listObjectVersions(b -> b.bucket(BUCKET).prefix("photos/2023/"));
    assertThat(r.versions())
        .extracting(v -> v.key())
        .containsExactly("photos/2023/a.jpg", "photos/2023/b.jpg");
    assertThat(r.versions())
        .allSatisfy(
            v -> {
              assertThat(v.versionId()).isEqualTo("null");
              assertThat(v.isLatest()).isTrue();
            });
  }
}
