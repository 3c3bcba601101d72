package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostObjectXmlTest {
  @Test
  void postResponseNamesTheObjectAndItsQuotedEtag() {
    assertThat(
            text(
                PostObjectXml.postResponse(
                    "http://127.0.0.1:9000/b/a%20%26.txt", "b", "a &.txt", "abc")))
        .isEqualTo(
            document(
                "<PostResponse" + Golden.NS + ">",
                "<Location>http://127.0.0.1:9000/b/a%20%26.txt</Location>",
                "<Bucket>b</Bucket><Key>a &amp;.txt</Key><ETag>&quot;abc&quot;</ETag>",
                "</PostResponse>"));
  }
}
