package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Tagging document as the SDKs send it and as AWS checks it. */
class TaggingXmlTest {
  private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

  @Test
  void tagsInDocumentOrderVerbatim() {
    Map<String, String> tags =
        new TaggingXml()
            .parse(
                body(
                    "<Tagging"
                        + NS
                        + "><TagSet><Tag><Key>z</Key><Value> padded </Value></Tag>\n"
                        + "<Tag><Value></Value><Key>a&amp;b</Key></Tag></TagSet></Tagging>"));
    assertThat(tags).containsExactly(Map.entry("z", " padded "), Map.entry("a&b", ""));
  }

  @Test
  void anEmptyTagSetIsNoTags() {
    assertThat(new TaggingXml().parse(body("<Tagging><TagSet/></Tagging>"))).isEmpty();
  }

  @Test
  void aDuplicateKeyIsInvalidTag() {
    CofferException e =
        catchThrowableOfType(
            CofferException.class,
            () ->
                new TaggingXml()
                    .parse(
                        body(
                            "<Tagging><TagSet><Tag><Key>k</Key><Value>1</Value></Tag>"
                                + "<Tag><Key>k</Key><Value>2</Value></Tag></TagSet></Tagging>")));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TAG);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<Tagging/>",
        "<Tagging><TagSet/><TagSet/></Tagging>",
        "<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>",
        "<Tagging><TagSet><Tag><Value>v</Value></Tag></TagSet></Tagging>",
        "<Tagging><TagSet><Tag><Key>k</Key><Key>j</Key><Value>v</Value></Tag></TagSet></Tagging>",
        "<TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet>",
      })
  void otherDocumentsAreMalformed(String xml) {
    assertMalformed(() -> new TaggingXml().parse(body(xml)));
  }
}
