package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompleteMultipartUploadXmlTest {
  private final CompleteMultipartUploadXml parser = new CompleteMultipartUploadXml();

  @Test
  void parsesSdkStyleDocumentWithNamespace() {
    List<CompletedPart> parts =
        parser.parse(
            body(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<Part><ETag>\"a54357aff0632cce46d942af68356b38\"</ETag>"
                    + "<PartNumber>1</PartNumber></Part>"
                    + "<Part><ETag>\"0c78aef83f66abc1fa1e8477f296d394\"</ETag>"
                    + "<PartNumber>2</PartNumber></Part>"
                    + "</CompleteMultipartUpload>"));
    assertThat(parts)
        .containsExactly(
            new CompletedPart(1, "\"a54357aff0632cce46d942af68356b38\"", Map.of()),
            new CompletedPart(2, "\"0c78aef83f66abc1fa1e8477f296d394\"", Map.of()));
  }

  @Test
  void parsesPrettyPrintedDocumentWithoutNamespaceWithChecksums() {
    List<CompletedPart> parts =
        parser.parse(
            body(
                """
                <CompleteMultipartUpload>
                  <!-- a comment -->
                  <Part>
                    <PartNumber> 3 </PartNumber>
                    <ETag>
                      &quot;etag3&quot;
                    </ETag>
                    <ChecksumCRC32>NSRBwg==</ChecksumCRC32>
                    <ChecksumCRC64NVME>BeXKuz/B+us=</ChecksumCRC64NVME>
                  </Part>
                  <Part>
                    <PartNumber>1</PartNumber>
                    <ETag>etag1</ETag>
                    <ChecksumSHA256>ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=</ChecksumSHA256>
                    <ChecksumCRC32C>Nks/tw==</ChecksumCRC32C>
                    <ChecksumSHA1>qZk+NkcGgWq6PiVxeFDCbJzQ2J0=</ChecksumSHA1>
                  </Part>
                </CompleteMultipartUpload>
                """));
    assertThat(parts).hasSize(2);
    CompletedPart first = parts.get(0);
    assertThat(first.partNumber()).isEqualTo(3); // order is the service's concern
    assertThat(first.etag()).isEqualTo("\"etag3\"");
    assertThat(first.checksum(ChecksumAlgorithm.CRC32)).contains("NSRBwg==");
    assertThat(first.checksum(ChecksumAlgorithm.CRC64NVME)).contains("BeXKuz/B+us=");
    assertThat(first.checksum(ChecksumAlgorithm.SHA1)).isEmpty();
    assertThat(parts.get(1).checksums())
        .containsOnlyKeys(
            ChecksumAlgorithm.SHA256, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.SHA1);
  }

  @Test
  void acceptsPrefixedS3NamespaceAndIgnoresUnknownElements() {
    List<CompletedPart> parts =
        parser.parse(
            body(
                "<s3:CompleteMultipartUpload xmlns:s3=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<s3:Part><s3:PartNumber>7</s3:PartNumber><s3:ETag>e</s3:ETag>"
                    + "<s3:Future><Nested>x</Nested></s3:Future></s3:Part>"
                    + "<Unknown/></s3:CompleteMultipartUpload>"));
    assertThat(parts).containsExactly(new CompletedPart(7, "e", Map.of()));
  }

  @Test
  void keepsDuplicatePartNumbersForTheService() {
    assertThat(
            parser.parse(
                body(
                    "<CompleteMultipartUpload>"
                        + "<Part><PartNumber>2</PartNumber><ETag>a</ETag></Part>"
                        + "<Part><PartNumber>2</PartNumber><ETag>b</ETag></Part>"
                        + "</CompleteMultipartUpload>")))
        .extracting(CompletedPart::partNumber)
        .containsExactly(2, 2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-1",
        "+1",
        "abc",
        "1.5",
        "",
        "2147483648",
        "99999999999",
        "\u0661",
        "1e3",
        "0x10"
      })
  void rejectsPartNumbersThatAreNotPositiveIntegers(String number) {
    assertMalformed(
        () ->
            parser.parse(
                body(
                    "<CompleteMultipartUpload><Part><PartNumber>"
                        + number
                        + "</PartNumber><ETag>e</ETag></Part></CompleteMultipartUpload>")));
  }

  @Test
  void acceptsLargestIntPartNumber() {
    assertThat(
            parser.parse(
                body(
                    "<CompleteMultipartUpload><Part><PartNumber>2147483647</PartNumber>"
                        + "<ETag>e</ETag></Part></CompleteMultipartUpload>")))
        .extracting(CompletedPart::partNumber)
        .containsExactly(Integer.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "not xml",
        "<CompleteMultipartUpload/>",
        "<CompleteMultipartUpload></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Unknown/></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part>"
            + "</CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><ETag>e</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><PartNumber>2</PartNumber>"
            + "<ETag>e</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETag>"
            + "<ChecksumCRC32>a</ChecksumCRC32><ChecksumCRC32>b</ChecksumCRC32></Part>"
            + "</CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part>junk<PartNumber>1</PartNumber><ETag>e</ETag></Part>"
            + "</CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber><b>1</b></PartNumber><ETag>e</ETag></Part>"
            + "</CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETag></Part>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETag></Part>"
            + "</CompleteMultipartUpload><Extra/>",
        "<Delete><Object><Key>k</Key></Object></Delete>",
        "<CompleteMultipartUpload xmlns=\"urn:other\"><Part><PartNumber>1</PartNumber>"
            + "<ETag>e</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&bogus;</ETag></Part>"
            + "</CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETAG></Part>"
            + "</CompleteMultipartUpload>",
      })
  void rejectsMalformedDocuments(String xml) {
    assertMalformed(() -> parser.parse(body(xml)));
  }

  @Test
  void partsInAnotherNamespaceDoNotCount() {
    assertMalformed(
        () ->
            parser.parse(
                body(
                    "<CompleteMultipartUpload xmlns:o=\"urn:other\"><o:Part>"
                        + "<PartNumber>1</PartNumber><ETag>e</ETag></o:Part>"
                        + "</CompleteMultipartUpload>")));
  }

  @Test
  void enforcesBodyLimit() {
    String xml =
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETag></Part>"
            + "</CompleteMultipartUpload>";
    int size = xml.length();
    assertThat(new CompleteMultipartUploadXml(size).parse(body(xml))).hasSize(1);
    assertMalformed(() -> new CompleteMultipartUploadXml(size - 1).parse(body(xml)));
  }

  @Test
  void defaultLimitIsOneMebibyte() {
    StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
    String part = "<Part><PartNumber>1</PartNumber><ETag>e</ETag></Part>";
    while (xml.length() + part.length() < (1 << 20) + 10) {
      xml.append(part);
    }
    xml.append("</CompleteMultipartUpload>");
    assertMalformed(() -> parser.parse(body(xml.toString())));
  }
}
