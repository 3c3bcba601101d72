package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.CRC32;
import static io.coffer.s3.response.Golden.OWNER;
import static io.coffer.s3.response.Golden.OWNER_XML;
import static io.coffer.s3.response.Golden.TIME;
import static io.coffer.s3.response.Golden.TIME_TEXT;
import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CompletedUpload;
import io.coffer.model.MultipartUpload;
import io.coffer.model.Part;
import io.coffer.model.UploadListing;
import io.coffer.s3.request.S3Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartXmlTest {
  private static final String INITIATOR =
      "<Initiator><ID>7</ID><DisplayName>alice</DisplayName></Initiator>";
  private static final MultipartUpload UPLOAD =
      new MultipartUpload(
          "u1",
          "b",
          "k",
          7,
          "text/plain",
          Map.of(),
          Map.of(),
          "CRC32",
          "COMPOSITE",
          TIME,
          io.coffer.model.ObjectLock.NONE,
          null,
          Map.of(),
          null);

  @Test
  void initiateMultipartUploadResult() {
    assertThat(text(MultipartXml.initiate("b", "k&k", "u1")))
        .isEqualTo(
            document(
                "<InitiateMultipartUploadResult" + Golden.NS + ">",
                "<Bucket>b</Bucket><Key>k&amp;k</Key><UploadId>u1</UploadId>",
                "</InitiateMultipartUploadResult>"));
  }

  @Test
  void completeMultipartUploadResultWithTheObjectsChecksum() {
    CompletedUpload completed =
        new CompletedUpload("u1", "b", "k", "abc-2", 10, CRC32, "fp", TIME, "null");
    assertThat(text(MultipartXml.complete("b", "k", completed)))
        .isEqualTo(
            document(
                "<CompleteMultipartUploadResult" + Golden.NS + ">",
                "<Location>/b/k</Location><Bucket>b</Bucket><Key>k</Key>",
                "<ETag>&quot;abc-2&quot;</ETag>",
                "<ChecksumCRC32>AAAAAA==</ChecksumCRC32><ChecksumType>FULL_OBJECT</ChecksumType>",
                "</CompleteMultipartUploadResult>"));
  }

  @Test
  void listPartsResultOfATruncatedPage() {
    S3Operation.ListParts op = new S3Operation.ListParts("b", "k", "u1", 0, 1);
    List<Part> parts =
        List.of(
            new Part("u1", 1, "p1", 5, "e1", CRC32, TIME),
            new Part("u1", 2, "p2", 6, "e2", null, TIME));
    assertThat(text(MultipartXml.listParts(op, UPLOAD, parts, OWNER)))
        .isEqualTo(
            document(
                "<ListPartsResult" + Golden.NS + ">",
                "<Bucket>b</Bucket><Key>k</Key><UploadId>u1</UploadId>",
                "<PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>1",
                "</NextPartNumberMarker><MaxParts>1</MaxParts><IsTruncated>true</IsTruncated>",
                "<ChecksumAlgorithm>CRC32</ChecksumAlgorithm><ChecksumType>COMPOSITE</ChecksumType>",
                INITIATOR + OWNER_XML + "<StorageClass>STANDARD</StorageClass>",
                "<Part><PartNumber>1</PartNumber><LastModified>" + TIME_TEXT + "</LastModified>",
                "<ETag>&quot;e1&quot;</ETag><Size>5</Size><ChecksumCRC32>AAAAAA==</ChecksumCRC32>",
                "</Part></ListPartsResult>"));
  }

  @Test
  void listMultipartUploadsResult() {
    S3Operation.ListMultipartUploads op =
        new S3Operation.ListMultipartUploads("b", null, "/", "a", null, 1);
    UploadListing listing = new UploadListing(List.of(UPLOAD), List.of("d/"), true, "k", "u1");
    assertThat(text(MultipartXml.listUploads(op, listing, OWNER)))
        .isEqualTo(
            document(
                "<ListMultipartUploadsResult" + Golden.NS + ">",
                "<Bucket>b</Bucket><KeyMarker>a</KeyMarker><UploadIdMarker></UploadIdMarker>",
                "<NextKeyMarker>k</NextKeyMarker><NextUploadIdMarker>u1</NextUploadIdMarker>",
                "<Prefix></Prefix><Delimiter>/</Delimiter><MaxUploads>1</MaxUploads>",
                "<IsTruncated>true</IsTruncated>",
                "<Upload><Key>k</Key><UploadId>u1</UploadId>" + INITIATOR + OWNER_XML,
                "<StorageClass>STANDARD</StorageClass><Initiated>" + TIME_TEXT + "</Initiated>",
                "<ChecksumAlgorithm>CRC32</ChecksumAlgorithm><ChecksumType>COMPOSITE</ChecksumType>",
                "</Upload><CommonPrefixes><Prefix>d/</Prefix></CommonPrefixes>",
                "</ListMultipartUploadsResult>"));
  }
}
