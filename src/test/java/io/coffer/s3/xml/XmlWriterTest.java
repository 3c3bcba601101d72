package io.coffer.s3.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlWriterTest {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  @Test
  void writesGoldenListing() {
    byte[] xml =
        new XmlWriter()
            .start("ListBucketResult", S3Xml.NAMESPACE)
            .element("Name", "bucket")
            .element("Prefix", "")
            .element("Marker", (String) null)
            .element("KeyCount", 2)
            .element("MaxKeys", 1000)
            .element("IsTruncated", false)
            .start("Contents")
            .element("Key", "a&b")
            .element("Size", 42)
            .end()
            .start("Contents")
            .element("Key", "photos/2024/01.jpg")
            .element("Size", 0)
            .end()
            .end()
            .toBytes();
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .isEqualTo(
            DECLARATION
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>bucket</Name><Prefix></Prefix><KeyCount>2</KeyCount>"
                + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                + "<Contents><Key>a&amp;b</Key><Size>42</Size></Contents>"
                + "<Contents><Key>photos/2024/01.jpg</Key><Size>0</Size></Contents>"
                + "</ListBucketResult>");
  }

  @Test
  void writesBooleansAndExtremeLongs() {
    assertThat(
            doc(
                w ->
                    w.element("T", true)
                        .element("Min", Long.MIN_VALUE)
                        .element("Max", Long.MAX_VALUE)
                        .element("Neg", -17)))
        .isEqualTo(
            "<T>true</T><Min>-9223372036854775808</Min><Max>9223372036854775807</Max>"
                + "<Neg>-17</Neg>");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "&|&amp;",
        "<|&lt;",
        ">|&gt;",
        "\"|&quot;",
        "'|&apos;",
        "]]>|]]&gt;",
        "a&b<c>d|a&amp;b&lt;c&gt;d",
        "<![CDATA[x]]>|&lt;![CDATA[x]]&gt;",
        "&amp;|&amp;amp;",
        "plain/key.txt|plain/key.txt",
      })
  void escapesSpecialCharacters(String text, String escaped) {
    assertThat(doc(w -> w.element("Key", text))).isEqualTo("<Key>" + escaped + "</Key>");
  }

  @Test
  void encodesCharactersXmlCannotCarryAsReferences() {
    assertThat(doc(w -> w.element("K", "a\u0000b\u0001c\u001Fd\u000Be\u000Cf")))
        .isEqualTo("<K>a&#x0;b&#x1;c&#x1F;d&#xB;e&#xC;f</K>");
    assertThat(doc(w -> w.element("K", "\t\n\r"))).isEqualTo("<K>\t\n&#xD;</K>");
    assertThat(doc(w -> w.element("K", "x\uFFFEy\uFFFFz\uFFFD")))
        .isEqualTo("<K>x&#xFFFE;y&#xFFFF;z\uFFFD</K>");
    assertThat(doc(w -> w.element("K", "lone\uD800high lone\uDC00low end\uD83D")))
        .isEqualTo("<K>lone&#xD800;high lone&#xDC00;low end&#xD83D;</K>");
    assertThat(doc(w -> w.element("K", "\u007F\u0080\u009F")))
        .isEqualTo("<K>\u007F\u0080\u009F</K>");
  }

  @Test
  void encodesUtf8() {
    byte[] xml =
        new XmlWriter().start("R").element("K", "\uD83D\uDE00 caf\u00E9 \u20AC").end().toBytes();
    assertThat(xml)
        .isEqualTo(
            (DECLARATION + "<R><K>")
                .concat("\uD83D\uDE00 caf\u00E9 \u20AC")
                .concat("</K></R>")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains(
            new String(
                new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
                StandardCharsets.UTF_8));
  }

  @Test
  void keepsSurrogatePairsWholeAcrossInternalSlices() {
    for (int prefix = 1015; prefix < 1030; prefix++) {
      String text = "a".repeat(prefix) + "\uD83D\uDE00" + "b".repeat(3) + "\uD83D\uDE00";
      assertThat(doc(w -> w.element("K", text))).isEqualTo("<K>" + text + "</K>");
    }
    String lonePlusPair = "a".repeat(1022) + "\uD800\uD83D\uDE00";
    assertThat(doc(w -> w.element("K", lonePlusPair)))
        .isEqualTo("<K>" + "a".repeat(1022) + "&#xD800;\uD83D\uDE00</K>");
  }

  @Test
  void escapesNamespaceValue() {
    assertThat(
            new String(
                new XmlWriter().start("R", "urn:a\"b&c").end().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(DECLARATION + "<R xmlns=\"urn:a&quot;b&amp;c\"></R>");
  }

  @Provide
  Arbitrary<String> xmlText() {
    Arbitrary<Integer> legal =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(0x9, 0xA, 0xD, 0x26, 0x3C, 0x3E, 0x22, 0x27)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    return legal
        .list()
        .ofMaxSize(2500)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder();
              cps.forEach(sb::appendCodePoint);
              return sb.toString();
            });
  }

  /** Any text made of XML characters reads back unchanged with a standard parser. */
  @Property(tries = 200)
  void roundTripsThroughJdkParser(@ForAll("xmlText") String text) throws Exception {
    byte[] xml = new XmlWriter().start("R", S3Xml.NAMESPACE).element("K", text).end().toBytes();
    assertThat(readElementText(xml)).isEqualTo(text);
  }

  private static String readElementText(byte[] xml) throws Exception {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    StringBuilder text = new StringBuilder();
    boolean inK = false;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        inK = reader.getLocalName().equals("K");
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        inK = false;
      } else if (inK && event == XMLStreamConstants.CHARACTERS) {
        text.append(reader.getText());
      }
    }
    return text.toString();
  }

  @Test
  void streamingWritesTheSameBytesInBoundedChunks() {
    List<Integer> writes = new ArrayList<>();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream recording =
        new OutputStream() {
          @Override
          public void write(int b) {
            writes.add(1);
            sink.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writes.add(len);
            sink.write(b, off, len);
          }
        };
    XmlWriter streaming = new XmlWriter(recording);
    XmlWriter inMemory = new XmlWriter();
    for (XmlWriter w : List.of(streaming, inMemory)) {
      w.start("ListBucketResult", S3Xml.NAMESPACE);
      for (int i = 0; i < 1000; i++) {
        w.start("Contents")
            .element("Key", "photos/2024/" + i + "/image & thumbnail \uD83D\uDE00.jpg")
            .element("Size", i * 1024L)
            .element("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"")
            .end();
      }
      w.end();
      w.finish();
    }
    assertThat(sink.toByteArray()).isEqualTo(inMemory.toBytes());
    assertThat(writes.size()).isGreaterThan(3);
    assertThat(writes).allMatch(len -> len <= 64 * 1024);
  }

  @Test
  void resetReusesTheWriter() {
    XmlWriter writer = new XmlWriter();
    writer.start("A").element("X", "1").end().toBytes();
    writer.reset();
    byte[] second = writer.start("B").end().toBytes();
    assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(DECLARATION + "<B></B>");
  }

  @Test
  void refusesInvalidStructure() {
    assertThatThrownBy(() -> new XmlWriter().element("X", "1"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new XmlWriter().end()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new XmlWriter().start("A").toBytes())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new XmlWriter().toBytes()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new XmlWriter().start("A").end().start("B"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new XmlWriter(new ByteArrayOutputStream()).start("A").end().toBytes())
        .isInstanceOf(IllegalStateException.class);
    for (String bad : new String[] {"", "a b", "<a>", "1abc", "caf\u00E9", "a&b"}) {
      assertThatThrownBy(() -> new XmlWriter().start(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String doc(java.util.function.UnaryOperator<XmlWriter> body) {
    byte[] xml = body.apply(new XmlWriter().start("R")).end().toBytes();
    String s = new String(xml, StandardCharsets.UTF_8);
    assertThat(s).startsWith(DECLARATION + "<R>").endsWith("</R>");
    return s.substring(DECLARATION.length() + 3, s.length() - 4);
  }
}
