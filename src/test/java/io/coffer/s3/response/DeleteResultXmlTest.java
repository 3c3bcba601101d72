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

  /** As AWS's DeletedObject: the version asked for, then the marker made or removed. */
  @Test
  void deletesInAVersionedBucketReportTheirDeleteMarkers() {
    String marker = "7ffe0000000000000000000000000001";
    String version = "7ffe0000000000000000000000000002";
    List<DeleteResultXml.Outcome> outcomes =
        List.of(
            new DeleteResultXml.Deleted("made", null, true, marker),
            new DeleteResultXml.Deleted("removed-marker", marker, true, marker),
            new DeleteResultXml.Deleted("removed-version", version, false, null),
            new DeleteResultXml.Failed(
                "bad", "v1", "InvalidArgument", "Invalid version id specified"));
    assertThat(text(DeleteResultXml.deleteResult(outcomes, false)))
        .isEqualTo(
            document(
                "<DeleteResult" + Golden.NS + ">",
                "<Deleted><Key>made</Key><DeleteMarker>true</DeleteMarker>",
                "<DeleteMarkerVersionId>" + marker + "</DeleteMarkerVersionId></Deleted>",
                "<Deleted><Key>removed-marker</Key><VersionId>" + marker + "</VersionId>",
                "<DeleteMarker>true</DeleteMarker>",
                "<DeleteMarkerVersionId>" + marker + "</DeleteMarkerVersionId></Deleted>",
                "<Deleted><Key>removed-version</Key><VersionId>" + version + "</VersionId>",
                "</Deleted>",
                "<Error><Key>bad</Key><VersionId>v1</VersionId><Code>InvalidArgument</Code>",
                "<Message>Invalid version id specified</Message></Error>",
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
