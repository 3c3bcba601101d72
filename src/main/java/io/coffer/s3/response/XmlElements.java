package io.coffer.s3.response;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.model.StoredChecksum;
import io.coffer.s3.xml.S3Xml;
import io.coffer.s3.xml.XmlWriter;
import org.jspecify.annotations.Nullable;

/** Elements several S3 responses share, written the same way everywhere. */
final class XmlElements {
  private XmlElements() {}

  /** A new document whose root element carries the S3 namespace. */
  static XmlWriter document(String root) {
    XmlWriter xml = new XmlWriter();
    xml.start(root, S3Xml.NAMESPACE);
    return xml;
  }

  /** {@code <name><ID>..</ID><DisplayName>..</DisplayName></name>}: Owner or Initiator. */
  static void owner(XmlWriter xml, String element, Owner owner) {
    xml.start(element);
    xml.element("ID", owner.id());
    xml.element("DisplayName", owner.displayName());
    xml.end();
  }

  /**
   * {@code <ChecksumCRC32>value</ChecksumCRC32>}, followed by {@code <ChecksumType>} when {@code
   * withType} (an object's checksum; a part's has no type of its own). Nothing for null.
   */
  static void checksum(XmlWriter xml, @Nullable StoredChecksum checksum, boolean withType) {
    if (checksum == null) {
      return;
    }
    ChecksumAlgorithm.fromName(checksum.algorithm())
        .ifPresent(algorithm -> xml.element("Checksum" + algorithm.name(), checksum.value()));
    if (withType) {
      xml.element("ChecksumType", checksum.type());
    }
  }
}
