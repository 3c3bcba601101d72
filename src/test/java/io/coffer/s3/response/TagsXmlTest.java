package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagsXmlTest {
  @Test
  void tagsInTheirOrderWithEscapedText() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("z", "1");
    tags.put("a b", "x<y&");
    assertThat(text(TagsXml.tagging(tags)))
        .isEqualTo(
            document(
                "<Tagging" + Golden.NS + "><TagSet>",
                "<Tag><Key>z</Key><Value>1</Value></Tag>",
                "<Tag><Key>a b</Key><Value>x&lt;y&amp;</Value></Tag>",
                "</TagSet></Tagging>"));
  }

  @Test
  void noTagsIsAnEmptyTagSet() {
    assertThat(text(TagsXml.tagging(Map.of())))
        .isEqualTo(document("<Tagging" + Golden.NS + "><TagSet></TagSet></Tagging>"));
  }
}
