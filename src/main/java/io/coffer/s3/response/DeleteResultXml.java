package io.coffer.s3.response;

import io.coffer.s3.xml.XmlWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** DeleteResult: what DeleteObjects did with each key. */
public final class DeleteResultXml {
  private DeleteResultXml() {}

  /** One key's outcome. */
  public sealed interface Outcome {
    String key();

    /** The version asked for, or null. */
    @Nullable String versionId();
  }

  /**
   * A key deleted, as AWS's DeletedObject reports it.
   *
   * @param versionId the version asked for, or null
   * @param deleteMarker whether a delete marker was made, or the version removed was one
   * @param deleteMarkerVersionId the marker made or removed, or null
   */
  public record Deleted(
      String key,
      @Nullable String versionId,
      boolean deleteMarker,
      @Nullable String deleteMarkerVersionId)
      implements Outcome {

    /** A key deleted in a bucket that was never versioned. */
    public Deleted(String key, @Nullable String versionId) {
      this(key, versionId, false, null);
    }
  }

  /**
   * @param code the S3 error code
   * @param message what the client reads
   */
  public record Failed(String key, @Nullable String versionId, String code, String message)
      implements Outcome {}

  /** Every outcome in order; a quiet request leaves out the keys it deleted. */
  public static byte[] deleteResult(List<Outcome> outcomes, boolean quiet) {
    XmlWriter xml = XmlElements.document("DeleteResult");
    for (Outcome outcome : outcomes) {
      switch (outcome) {
        case Deleted deleted -> {
          if (!quiet) {
            xml.start("Deleted");
            keyAndVersion(xml, deleted);
            if (deleted.deleteMarker()) {
              xml.element("DeleteMarker", "true");
              xml.element("DeleteMarkerVersionId", deleted.deleteMarkerVersionId());
            }
            xml.end();
          }
        }
        case Failed failed -> {
          xml.start("Error");
          keyAndVersion(xml, failed);
          xml.element("Code", failed.code());
          xml.element("Message", failed.message());
          xml.end();
        }
      }
    }
    xml.end();
    return xml.toBytes();
  }

  private static void keyAndVersion(XmlWriter xml, Outcome outcome) {
    xml.element("Key", outcome.key());
    xml.element("VersionId", outcome.versionId());
  }
}
