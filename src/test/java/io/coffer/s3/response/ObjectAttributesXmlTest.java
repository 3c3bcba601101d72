package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.ObjectMeta;
import io.coffer.model.Segment;
import io.coffer.model.StoredChecksum;
import io.coffer.s3.request.ObjectAttributeNames.Attribute;
import io.coffer.service.ObjectAttributesService.PartsPage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectAttributesXmlTest {
  private static final Set<Attribute> ALL = EnumSet.allOf(Attribute.class);

  @Test
  void anObjectInOnePieceHasNoObjectPartsAndAnUnquotedETag() {
    ObjectMeta object = Golden.stored("k", 3, "abc", Golden.CRC32);
    assertThat(text(ObjectAttributesXml.render(object, null, ALL)))
        .isEqualTo(
            document(
                "<GetObjectAttributesResponse" + Golden.NS + ">",
                "<ETag>abc</ETag>",
                "<Checksum><ChecksumCRC32>AAAAAA==</ChecksumCRC32>",
                "<ChecksumType>FULL_OBJECT</ChecksumType></Checksum>",
                "<StorageClass>STANDARD</StorageClass>",
                "<ObjectSize>3</ObjectSize>",
                "</GetObjectAttributesResponse>"));
  }

  @Test
  void onlyTheAttributesAskedForAreAnswered() {
    ObjectMeta object = Golden.stored("k", 3, "abc", null);
    assertThat(
            text(
                ObjectAttributesXml.render(
                    object, null, EnumSet.of(Attribute.OBJECT_SIZE, Attribute.CHECKSUM))))
        .isEqualTo(
            document(
                "<GetObjectAttributesResponse" + Golden.NS + ">",
                "<ObjectSize>3</ObjectSize>",
                "</GetObjectAttributesResponse>"));
  }

  @Test
  void aCompositeObjectListsItsPartsWithTheirChecksumsAndItsOwnWithoutThePartCount() {
    StoredChecksum composite = new StoredChecksum("CRC32", "BBBBBB==-3", "COMPOSITE");
    ObjectMeta object = Golden.stored("k", 30, "abc-3", composite);
    PartsPage page =
        new PartsPage(
            3,
            1,
            2,
            1,
            true,
            List.of(
                new Segment(
                    2, "blob", 10, "e2", new StoredChecksum("CRC32", "CCCCCC==", "COMPOSITE"))));
    assertThat(
            text(
                ObjectAttributesXml.render(
                    object, page, EnumSet.of(Attribute.CHECKSUM, Attribute.OBJECT_PARTS))))
        .isEqualTo(
            document(
                "<GetObjectAttributesResponse" + Golden.NS + ">",
                "<Checksum><ChecksumCRC32>BBBBBB==</ChecksumCRC32>",
                "<ChecksumType>COMPOSITE</ChecksumType></Checksum>",
                "<ObjectParts><PartsCount>3</PartsCount><PartNumberMarker>1</PartNumberMarker>",
                "<NextPartNumberMarker>2</NextPartNumberMarker><MaxParts>1</MaxParts>",
                "<IsTruncated>true</IsTruncated>",
                "<Part><PartNumber>2</PartNumber><Size>10</Size>",
                "<ChecksumCRC32>CCCCCC==</ChecksumCRC32></Part>",
                "</ObjectParts>",
                "</GetObjectAttributesResponse>"));
  }

  @Test
  void withoutACompositeChecksumOnlyThePagingIsShown() {
    ObjectMeta object = Golden.stored("k", 30, "abc-2", null);
    PartsPage page =
        new PartsPage(2, 0, 2, 1000, false, List.of(new Segment(1, "b1", 20, "e1", null)));
    assertThat(text(ObjectAttributesXml.render(object, page, EnumSet.of(Attribute.OBJECT_PARTS))))
        .isEqualTo(
            document(
                "<GetObjectAttributesResponse" + Golden.NS + ">",
                "<ObjectParts><PartsCount>2</PartsCount><PartNumberMarker>0</PartNumberMarker>",
                "<NextPartNumberMarker>2</NextPartNumberMarker><MaxParts>1000</MaxParts>",
                "<IsTruncated>false</IsTruncated></ObjectParts>",
                "</GetObjectAttributesResponse>"));
  }
}
