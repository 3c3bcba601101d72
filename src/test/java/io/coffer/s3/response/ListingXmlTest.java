package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.CRC32;
import static io.coffer.s3.response.Golden.OWNER;
import static io.coffer.s3.response.Golden.OWNER_XML;
import static io.coffer.s3.response.Golden.TIME_TEXT;
import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.ListPage;
import io.coffer.model.ListedVersion;
import io.coffer.model.ObjectLock;
import io.coffer.model.StoredChecksum;
import io.coffer.model.VersionPage;
import io.coffer.s3.request.ContinuationToken;
import io.coffer.s3.request.ListParameters;
import io.coffer.s3.request.S3Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingXmlTest {
  private static final ListParameters PLAIN = new ListParameters("", null, 1000, false);
  private static final ListParameters FOLDERS = new ListParameters("a b/", "/", 2, true);
  private static final ListPage PAGE =
      new ListPage(
          List.of(Golden.object("a b/1", 5, "e1", null), Golden.object("a b/2", 6, "e2", CRC32)),
          List.of("a b/c/"),
          true,
          "a b/c/");
  private static final String ONE =
      "<Key>a%20b/1</Key><LastModified>"
          + TIME_TEXT
          + "</LastModified>"
          + "<ETag>&quot;e1&quot;</ETag><Size>5</Size><StorageClass>STANDARD</StorageClass>";
  private static final String TWO =
      "<Key>a%20b/2</Key><LastModified>"
          + TIME_TEXT
          + "</LastModified>"
          + "<ETag>&quot;e2&quot;</ETag><ChecksumAlgorithm>CRC32</ChecksumAlgorithm>"
          + "<ChecksumType>FULL_OBJECT</ChecksumType><Size>6</Size>"
          + "<StorageClass>STANDARD</StorageClass>";
  private static final String PREFIXES =
      "<CommonPrefixes><Prefix>a%20b/c/</Prefix></CommonPrefixes>";

  @Test
  void listBucketResultVersion1() {
    S3Operation.ListObjects op = new S3Operation.ListObjects("b", FOLDERS, "a b/0");
    assertThat(text(ListingXml.listObjects(op, PAGE, OWNER)))
        .isEqualTo(
            document(
                "<ListBucketResult" + Golden.NS + ">",
                "<Name>b</Name><Prefix>a%20b/</Prefix><Marker>a%20b/0</Marker><MaxKeys>2</MaxKeys>",
                "<Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>",
                "<NextMarker>a%20b/c/</NextMarker><EncodingType>url</EncodingType>",
                "<Contents>" + ONE + OWNER_XML + "</Contents>",
                "<Contents>" + TWO + OWNER_XML + "</Contents>",
                PREFIXES,
                "</ListBucketResult>"));
  }

  @Test
  void listBucketResultVersion2() {
    String sent = ContinuationToken.issue(ContinuationToken.Listing.OBJECTS, "b", "a b/0");
    String next = ContinuationToken.issue(ContinuationToken.Listing.OBJECTS, "b", "a b/c/");
    S3Operation.ListObjectsV2 op =
        new S3Operation.ListObjectsV2(
            "b", FOLDERS, new ContinuationToken(sent, "a b/0"), "a b/", false);
    assertThat(text(ListingXml.listObjectsV2(op, PAGE, OWNER)))
        .isEqualTo(
            document(
                "<ListBucketResult" + Golden.NS + ">",
                "<Name>b</Name><Prefix>a%20b/</Prefix><Delimiter>/</Delimiter><MaxKeys>2</MaxKeys>",
                "<KeyCount>3</KeyCount><IsTruncated>true</IsTruncated>",
                "<ContinuationToken>" + sent + "</ContinuationToken>",
                "<NextContinuationToken>" + next + "</NextContinuationToken>",
                "<StartAfter>a%20b/</StartAfter><EncodingType>url</EncodingType>",
                "<Contents>" + ONE + "</Contents>",
                "<Contents>" + TWO + "</Contents>",
                PREFIXES,
                "</ListBucketResult>"));
  }

  @Test
  void anEmptyVersion2ListingWithTheOwnerFetched() {
    S3Operation.ListObjectsV2 op = new S3Operation.ListObjectsV2("b", PLAIN, null, null, true);
    ListPage empty = new ListPage(List.of(), List.of(), false, null);
    assertThat(text(ListingXml.listObjectsV2(op, empty, OWNER)))
        .isEqualTo(
            document(
                "<ListBucketResult" + Golden.NS + ">",
                "<Name>b</Name><Prefix></Prefix><MaxKeys>1000</MaxKeys><KeyCount>0</KeyCount>",
                "<IsTruncated>false</IsTruncated>",
                "</ListBucketResult>"));
  }

  @Test
  void listVersionsResultShowsVersionsAndDeleteMarkersInTheStoreOrder() {
    String v1 = "7ffffffffffffffe0123456789abcdef";
    String v2 = "7ffffffffffffffd0123456789abcdef";
    S3Operation.ListObjectVersions op =
        new S3Operation.ListObjectVersions("b", FOLDERS, "a b/0", "null");
    VersionPage page =
        new VersionPage(
            List.of(
                version("a b/1", "null", true, false, null),
                new ListedVersion(
                    "a b/2", v1, true, true, 0, "", null, 0, Golden.TIME, ObjectLock.NONE),
                version("a b/2", v2, false, false, CRC32)),
            List.of("a b/c/"),
            true,
            "a b/2",
            v2);
    assertThat(text(ListingXml.listObjectVersions(op, page, OWNER)))
        .isEqualTo(
            document(
                "<ListVersionsResult" + Golden.NS + ">",
                "<Name>b</Name><Prefix>a%20b/</Prefix><KeyMarker>a%20b/0</KeyMarker>",
                "<VersionIdMarker>null</VersionIdMarker><MaxKeys>2</MaxKeys>",
                "<Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>",
                "<NextKeyMarker>a%20b/2</NextKeyMarker>",
                "<NextVersionIdMarker>" + v2 + "</NextVersionIdMarker>",
                "<EncodingType>url</EncodingType>",
                "<Version><Key>a%20b/1</Key><VersionId>null</VersionId><IsLatest>true</IsLatest>",
                "<LastModified>" + TIME_TEXT + "</LastModified><ETag>&quot;e&quot;</ETag>",
                "<Size>5</Size><StorageClass>STANDARD</StorageClass>" + OWNER_XML + "</Version>",
                "<DeleteMarker><Key>a%20b/2</Key><VersionId>" + v1 + "</VersionId>",
                "<IsLatest>true</IsLatest><LastModified>" + TIME_TEXT + "</LastModified>",
                OWNER_XML + "</DeleteMarker>",
                "<Version><Key>a%20b/2</Key><VersionId>" + v2 + "</VersionId>",
                "<IsLatest>false</IsLatest><LastModified>" + TIME_TEXT + "</LastModified>",
                "<ETag>&quot;e&quot;</ETag><ChecksumAlgorithm>CRC32</ChecksumAlgorithm>",
                "<ChecksumType>FULL_OBJECT</ChecksumType><Size>5</Size>",
                "<StorageClass>STANDARD</StorageClass>" + OWNER_XML + "</Version>",
                PREFIXES,
                "</ListVersionsResult>"));
  }

  @Test
  void aCompleteVersionListingHasNoNextMarkers() {
    S3Operation.ListObjectVersions op = new S3Operation.ListObjectVersions("b", PLAIN, null, null);
    VersionPage page = new VersionPage(List.of(), List.of(), false, null, null);
    assertThat(text(ListingXml.listObjectVersions(op, page, OWNER)))
        .isEqualTo(
            document(
                "<ListVersionsResult" + Golden.NS + ">",
                "<Name>b</Name><Prefix></Prefix><KeyMarker></KeyMarker>",
                "<VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys>",
                "<IsTruncated>false</IsTruncated>",
                "</ListVersionsResult>"));
  }

  @Test
  void aPageEndingOnACommonPrefixHasNoNextVersionIdMarker() {
    S3Operation.ListObjectVersions op =
        new S3Operation.ListObjectVersions("b", FOLDERS, null, null);
    VersionPage page = new VersionPage(List.of(), List.of("a b/c/"), true, "a b/c/", null);
    assertThat(text(ListingXml.listObjectVersions(op, page, OWNER)))
        .contains("<NextKeyMarker>a%20b/c/</NextKeyMarker><EncodingType>")
        .doesNotContain("NextVersionIdMarker");
  }

  private static ListedVersion version(
      String key, String id, boolean latest, boolean marker, StoredChecksum checksum) {
    return new ListedVersion(
        key, id, latest, marker, 5, "e", checksum, 0, Golden.TIME, ObjectLock.NONE);
  }
}
