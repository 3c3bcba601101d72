package io.coffer.s3.xml;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.model.CofferException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the body of CompleteMultipartUpload:
 *
 * <pre>{@code
 * <CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <Part><PartNumber>1</PartNumber><ETag>"..."</ETag><ChecksumCRC32>...</ChecksumCRC32></Part>
 * </CompleteMultipartUpload>
 * }</pre>
 *
 * <p>Unknown elements are ignored, so that fields added by newer SDKs do not break completion.
 * Immutable and thread-safe.
 */
public final class CompleteMultipartUploadXml {
  private static final String CHECKSUM_PREFIX = "Checksum";

  private final int maxBodyBytes;

  public CompleteMultipartUploadXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public CompleteMultipartUploadXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  /**
   * The parts in document order (not checked for order: the service reports InvalidPartOrder).
   *
   * @throws CofferException MALFORMED_XML for a body that is not well-formed, is too large, has
   *     another root, has no Part, or has a Part without a positive PartNumber or without ETag
   */
  public List<CompletedPart> parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    List<CompletedPart> parts =
        XmlCursor.parse(bytes, "CompleteMultipartUpload", CompleteMultipartUploadXml::readParts);
    if (parts.isEmpty()) {
      throw XmlCursor.malformed();
    }
    return parts;
  }

  private static List<CompletedPart> readParts(XmlCursor cursor) throws XMLStreamException {
    List<CompletedPart> parts = new ArrayList<>();
    while (cursor.nextChild()) {
      if (cursor.at("Part")) {
        parts.add(readPart(cursor));
      } else {
        cursor.skip();
      }
    }
    return List.copyOf(parts);
  }

  private static CompletedPart readPart(XmlCursor cursor) throws XMLStreamException {
    Integer partNumber = null;
    String etag = null;
    Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
    while (cursor.nextChild()) {
      if (cursor.at("PartNumber")) {
        partNumber = XmlCursor.once(partNumber, positiveInt(cursor.token()));
      } else if (cursor.at("ETag")) {
        etag = XmlCursor.once(etag, cursor.token());
      } else {
        ChecksumAlgorithm alg = checksumElement(cursor);
        if (alg == null) {
          cursor.skip();
        } else if (checksums.put(alg, cursor.token()) != null) {
          throw XmlCursor.malformed();
        }
      }
    }
    if (partNumber == null || etag == null) {
      throw XmlCursor.malformed();
    }
    return new CompletedPart(partNumber, etag, checksums);
  }

  /** The algorithm of a ChecksumCRC32 ... ChecksumSHA256 element, or null for other elements. */
  private static @Nullable ChecksumAlgorithm checksumElement(XmlCursor cursor) {
    for (ChecksumAlgorithm alg : ChecksumAlgorithm.values()) {
      if (cursor.at(CHECKSUM_PREFIX + alg.name())) {
        return alg;
      }
    }
    return null;
  }

  /** ASCII digits only: Integer.parseInt would also take signs and non-Latin digits. */
  private static int positiveInt(String text) {
    if (text.isEmpty() || text.length() > 10) {
      throw XmlCursor.malformed();
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw XmlCursor.malformed();
      }
      value = value * 10 + (c - '0');
    }
    if (value <= 0 || value > Integer.MAX_VALUE) {
      throw XmlCursor.malformed();
    }
    return (int) value;
  }
}
