package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteResultXmlTest {
  private static final List<DeleteResultXml.Outcome> OUTCOMES =
      List.of(
          new DeleteResultXml.Deleted("a", null),
          new DeleteResultXml.Deleted("b", "null"),
          new DeleteResultXml.Failed(
              "c", "v1", "NoSuchVersion", "The specified version does not exist."));

  @Test
  void deleteResultReportsEveryKey() {
    assertThat(text(DeleteResultXml.deleteResult(OUTCOMES, false)))
        .isEqualTo(
            document(
                "<DeleteResult" + Golden.NS + ">",
                "<Deleted><Key>a</Key></Deleted>",
                "<Deleted><Key>b</Key><VersionId>null</VersionId></Deleted>",
                "<Error><Key>c</Key><VersionId>v1</VersionId><Code>NoSuchVersion</Code>",
                "<Message>The specified version does not exist.</Message></Error>",
                "</DeleteResult>"));
  }

  @Test
  void aQuietResultReportsOnlyErrors() {
    assertThat(text(DeleteResultXml.deleteResult(OUTCOMES, true)))
        .isEqualTo(
            document(
                "<DeleteResult" + Golden.NS + ">",
                "<Error><Key>c</Key><VersionId>v1</VersionId><Code>NoSuchVersion</Code>",
                "<Message>The specified version does not exist.</Message></Error>",
                "</DeleteResult>"));
  }
}
