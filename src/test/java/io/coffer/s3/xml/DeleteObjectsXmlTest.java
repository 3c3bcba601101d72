package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeleteObjectsXmlTest {
  private final DeleteObjectsXml parser = new DeleteObjectsXml();

  @Test
  void parsesDocumentWithNamespaceQuietAndVersions() {
    DeleteObjectsRequest request =
        parser.parse(
            body(
                "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<Object><Key>a.txt</Key></Object>"
                    + "<Object><Key>b.txt</Key>"
                    + "<VersionId>3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY</VersionId></Object>"
                    + "<Quiet>true</Quiet></Delete>"));
    assertThat(request.quiet()).isTrue();
    assertThat(request.objects())
        .containsExactly(
            new ObjectToDelete("a.txt", null),
            new ObjectToDelete("b.txt", "3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"));
  }

  @Test
  void preservesKeysExactly() {
    DeleteObjectsRequest request =
        parser.parse(
            body(
                """
                <Delete>
                  <Object><Key>  leading and trailing  </Key></Object>
                  <Object><Key>
                line
                </Key></Object>
                  <Object><Key>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</Key></Object>
                  <Object><Key>cr&#xD;lf&#10;tab&#9;</Key></Object>
                  <Object><Key><![CDATA[<raw> & ]]]]><![CDATA[> text]]></Key></Object>
                  <Object><Key>emoji \uD83D\uDE00 caf\u00E9 \u20AC</Key></Object>
                  <Object><Key>spl<!-- comment -->it</Key></Object>
                  <Object><Key></Key></Object>
                  <Object><Key/></Object>
                </Delete>
                """));
    assertThat(request.quiet()).isFalse();
    assertThat(request.objects())
        .extracting(ObjectToDelete::key)
        .containsExactly(
            "  leading and trailing  ",
            "\nline\n",
            "a & b <c> \"d\" 'e'",
            "cr\rlf\ntab\t",
            "<raw> & ]]> text",
            "emoji \uD83D\uDE00 caf\u00E9 \u20AC",
            "split",
            "",
            "");
  }

  @Test
  void keysWrittenByXmlWriterReadBackIdentically() {
    List<String> keys =
        List.of(" a ", "x&y", "<tag>", "]]>", "quote\"apos'", "cr\r\nlf", "\uD83D\uDE00", "\t");
    XmlWriter writer = new XmlWriter().start("Delete", S3Xml.NAMESPACE);
    for (String key : keys) {
      writer.start("Object").element("Key", key).end();
    }
    byte[] xml = writer.end().toBytes();
    assertThat(parser.parse(new ByteArrayInputStream(xml)).objects())
        .extracting(ObjectToDelete::key)
        .containsExactlyElementsOf(keys);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true|true",
        "false|false",
        "TRUE|true",
        "False|false",
        "1|true",
        "0|false",
        "' true '|true"
      })
  void parsesQuietBooleans(String text, boolean expected) {
    assertThat(
            parser
                .parse(
                    body(
                        "<Delete><Quiet>"
                            + text
                            + "</Quiet><Object><Key>k</Key></Object></Delete>"))
                .quiet())
        .isEqualTo(expected);
  }

  @Test
  void acceptsExactlyOneThousandObjects() {
    assertThat(parser.parse(body(deleteOf(1000))).objects()).hasSize(1000);
    assertMalformed(() -> parser.parse(body(deleteOf(1001))));
  }

  private static String deleteOf(int count) {
    StringBuilder xml = new StringBuilder("<Delete>");
    for (int i = 0; i < count; i++) {
      xml.append("<Object><Key>key-").append(i).append("</Key></Object>");
    }
    return xml.append("</Delete>").toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<Delete/>",
        "<Delete><Quiet>true</Quiet></Delete>",
        "<Delete><Object></Object></Delete>",
        "<Delete><Object><VersionId>v</VersionId></Object></Delete>",
        "<Delete><Object><Key>a</Key><Key>b</Key></Object></Delete>",
        "<Delete><Object><Key>a</Key><VersionId>1</VersionId><VersionId>2</VersionId>"
            + "</Object></Delete>",
        "<Delete><Object><Key>a<b/></Key></Object></Delete>",
        "<Delete><Quiet>yes</Quiet><Object><Key>k</Key></Object></Delete>",
        "<Delete><Quiet>true</Quiet><Quiet>true</Quiet><Object><Key>k</Key></Object></Delete>",
        "<Delete><Object><Key>bad &#x1; char</Key></Object></Delete>",
        "<Delete><Object><Key>bad \u0001 char</Key></Object></Delete>",
        "<Delete><Object><Key>k</Key></Object>",
        "<CompleteMultipartUpload><Object><Key>k</Key></Object></CompleteMultipartUpload>",
      })
  void rejectsMalformedDocuments(String xml) {
    assertMalformed(() -> parser.parse(body(xml)));
  }

  @Test
  void readsUtf8WithByteOrderMarkWhateverTheDeclarationSays() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] xml =
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<Delete><Object><Key>caf\u00E9</Key></Object></Delete>")
            .getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[bom.length + xml.length];
    System.arraycopy(bom, 0, body, 0, bom.length);
    System.arraycopy(xml, 0, body, bom.length, xml.length);
    assertThat(parser.parse(new ByteArrayInputStream(body)).objects())
        .containsExactly(new ObjectToDelete("caf\u00E9", null));
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] body =
        "<Delete><Object><Key>caf\u00E9</Key></Object></Delete>"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertMalformed(() -> parser.parse(new ByteArrayInputStream(body)));
  }

  @Test
  void enforcesBodyLimit() {
    String xml = "<Delete><Object><Key>k</Key></Object></Delete>";
    assertThat(new DeleteObjectsXml(xml.length()).parse(body(xml)).objects()).hasSize(1);
    assertMalformed(() -> new DeleteObjectsXml(xml.length() - 1).parse(body(xml)));
  }
}
