package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.CRC32;
import static io.coffer.s3.response.Golden.TIME;
import static io.coffer.s3.response.Golden.TIME_TEXT;
import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Part;
import org.junit.jupiter.api.Test;

class CopyXmlTest {
  @Test
  void copyObjectResultWithTheCopysChecksum() {
    assertThat(text(CopyXml.copyObjectResult(Golden.stored("k", 3, "abc", CRC32))))
        .isEqualTo(
            document(
                "<CopyObjectResult" + Golden.NS + ">",
                "<LastModified>" + TIME_TEXT + "</LastModified><ETag>&quot;abc&quot;</ETag>",
                "<ChecksumCRC32>AAAAAA==</ChecksumCRC32><ChecksumType>FULL_OBJECT</ChecksumType>",
                "</CopyObjectResult>"));
  }

  @Test
  void copyPartResultHasAChecksumButNoType() {
    Part part = new Part("u", 2, "blob", 3, "def", CRC32, TIME);
    assertThat(text(CopyXml.copyPartResult(part)))
        .isEqualTo(
            document(
                "<CopyPartResult" + Golden.NS + ">",
                "<LastModified>" + TIME_TEXT + "</LastModified><ETag>&quot;def&quot;</ETag>",
                "<ChecksumCRC32>AAAAAA==</ChecksumCRC32>",
                "</CopyPartResult>"));
    Part plain = new Part("u", 2, "blob", 3, "def", null, TIME);
    assertThat(text(CopyXml.copyPartResult(plain)))
        .isEqualTo(
            document(
                "<CopyPartResult" + Golden.NS + ">",
                "<LastModified>" + TIME_TEXT + "</LastModified><ETag>&quot;def&quot;</ETag>",
                "</CopyPartResult>"));
  }
}
