package io.coffer.it.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/** ListParts and ListMultipartUploads with their paging parameters. */
class MultipartListingIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  @Test
  void listPartsPagesWithPartNumberMarkerAndMaxParts() {
    s3.createBucket(b -> b.bucket("parts"));
    String uploadId = s3.createMultipartUpload(b -> b.bucket("parts").key("k")).uploadId();
    List<Integer> numbers = List.of(1, 2, 3, 5, 8, 13, 21);
    for (int n : numbers) {
      s3.uploadPart(
          b -> b.bucket("parts").key("k").uploadId(uploadId).partNumber(n),
          RequestBody.fromString("part " + n));
    }
    List<Integer> seen = new ArrayList<>();
    Integer marker = null;
    int pages = 0;
    while (true) {
      Integer from = marker;
      ListPartsResponse page =
          s3.listParts(
              b ->
                  b.bucket("parts").key("k").uploadId(uploadId).maxParts(3).partNumberMarker(from));
      pages++;
      assertThat(page.parts().size()).isLessThanOrEqualTo(3);
      assertThat(page.maxParts()).isEqualTo(3);
      for (Part part : page.parts()) {
        seen.add(part.partNumber());
        assertThat(part.size()).isEqualTo(("part " + part.partNumber()).length());
        assertThat(part.eTag())
            .isEqualTo("\"" + TestData.md5Hex(("part " + part.partNumber()).getBytes()) + "\"");
      }
      if (!page.isTruncated()) {
        break;
      }
      marker = page.nextPartNumberMarker();
      assertThat(marker).isEqualTo(page.parts().get(page.parts().size() - 1).partNumber());
    }
    assertThat(seen).isEqualTo(numbers);
    assertThat(pages).isEqualTo(3);
    assertThat(
            s3.listParts(b -> b.bucket("parts").key("k").uploadId(uploadId).partNumberMarker(13))
                .parts())
        .extracting(Part::partNumber)
        .containsExactly(21);
  }

  @Test
  void listUploadsFiltersByPrefixGroupsByDelimiterAndPages() {
    s3.createBucket(b -> b.bucket("uploads"));
    List<String> keys = List.of("a/1", "a/2", "b/x/1", "c", "c", "c", "d/1");
    List<String> ids = new ArrayList<>();
    for (String key : keys) {
      ids.add(s3.createMultipartUpload(b -> b.bucket("uploads").key(key)).uploadId());
    }
    ListMultipartUploadsResponse all = s3.listMultipartUploads(b -> b.bucket("uploads"));
    assertThat(all.uploads())
        .extracting(MultipartUpload::key)
        .containsExactly("a/1", "a/2", "b/x/1", "c", "c", "c", "d/1");
    assertThat(all.uploads())
        .extracting(MultipartUpload::uploadId)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(all.isTruncated()).isFalse();

    ListMultipartUploadsResponse prefixed =
        s3.listMultipartUploads(b -> b.bucket("uploads").prefix("a/"));
    assertThat(prefixed.uploads()).extracting(MultipartUpload::key).containsExactly("a/1", "a/2");

    ListMultipartUploadsResponse grouped =
        s3.listMultipartUploads(b -> b.bucket("uploads").delimiter("/"));
    assertThat(grouped.uploads()).extracting(MultipartUpload::key).containsExactly("c", "c", "c");
    assertThat(grouped.commonPrefixes())
        .extracting(CommonPrefix::prefix)
        .containsExactly("a/", "b/", "d/");

    ListMultipartUploadsResponse nested =
        s3.listMultipartUploads(b -> b.bucket("uploads").prefix("b/").delimiter("/"));
    assertThat(nested.uploads()).isEmpty();
    assertThat(nested.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("b/x/");

    // paging two at a time visits every upload once, in order, even within one key
    List<String> pagedIds = new ArrayList<>();
    List<String> pagedKeys = new ArrayList<>();
    String keyMarker = null;
    String idMarker = null;
    while (true) {
      String km = keyMarker;
      String im = idMarker;
      ListMultipartUploadsResponse page =
          s3.listMultipartUploads(
              b -> b.bucket("uploads").maxUploads(2).keyMarker(km).uploadIdMarker(im));
      assertThat(page.uploads().size()).isLessThanOrEqualTo(2);
      page.uploads()
          .forEach(
              u -> {
                pagedIds.add(u.uploadId());
                pagedKeys.add(u.key());
              });
      if (!page.isTruncated()) {
        break;
      }
      keyMarker = page.nextKeyMarker();
      idMarker = page.nextUploadIdMarker();
    }
    assertThat(pagedKeys).isEqualTo(keys);
    assertThat(pagedIds).containsExactlyInAnyOrderElementsOf(ids);

    // key-marker alone skips every upload of that key
    assertThat(s3.listMultipartUploads(b -> b.bucket("uploads").keyMarker("c")).uploads())
        .extracting(MultipartUpload::key)
        .containsExactly("d/1");

    // completed and aborted uploads are no longer listed
    s3.abortMultipartUpload(b -> b.bucket("uploads").key("a/1").uploadId(ids.get(0)));
    String etag =
        s3.uploadPart(
                b -> b.bucket("uploads").key("a/2").uploadId(ids.get(1)).partNumber(1),
                RequestBody.fromString("x"))
            .eTag();
    s3.completeMultipartUpload(
        b ->
            b.bucket("uploads")
                .key("a/2")
                .uploadId(ids.get(1))
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
    assertThat(s3.listMultipartUploads(b -> b.bucket("uploads").prefix("a/")).uploads()).isEmpty();
  }
}
