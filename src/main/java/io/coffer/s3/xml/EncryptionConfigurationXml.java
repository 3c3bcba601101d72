package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the body of PutBucketEncryption:
 *
 * <pre>{@code
 * <ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <Rule>
 *     <ApplyServerSideEncryptionByDefault>
 *       <SSEAlgorithm>aws:kms</SSEAlgorithm>
 *       <KMSMasterKeyID>my-key</KMSMasterKeyID>
 *     </ApplyServerSideEncryptionByDefault>
 *     <BucketKeyEnabled>true</BucketKeyEnabled>
 *   </Rule>
 * </ServerSideEncryptionConfiguration>
 * }</pre>
 *
 * <p>One rule, as AWS allows; the algorithm and key are checked by the service. Blocking SSE-C
 * (BlockedEncryptionTypes) is not Coffer's: asking for it is NotImplemented. Immutable and
 * thread-safe.
 */
public final class EncryptionConfigurationXml {
  private final int maxBodyBytes;

  /** The rule as sent: the algorithm and key ID are not validated here. */
  public record Rule(String algorithm, @Nullable String kmsKeyId, boolean bucketKeyEnabled) {}

  public EncryptionConfigurationXml() {
    this.maxBodyBytes = BoundedBody.checkLimit(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * @throws CofferException MALFORMED_XML unless the body is such a document with exactly one rule
   *     that has an SSEAlgorithm; NOT_IMPLEMENTED for a blocked encryption type
   */
  public Rule parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    return XmlCursor.parse(
        bytes, "ServerSideEncryptionConfiguration", EncryptionConfigurationXml::read);
  }

  private static Rule read(XmlCursor cursor) throws XMLStreamException {
    Rule rule = null;
    while (cursor.nextChild()) {
      if (cursor.at("Rule")) {
        rule = XmlCursor.once(rule, rule(cursor));
      } else {
        cursor.skip();
      }
    }
    if (rule == null) {
      throw XmlCursor.malformed();
    }
    return rule;
  }

  private static Rule rule(XmlCursor cursor) throws XMLStreamException {
    String algorithm = null;
    String keyId = null;
    boolean sawDefault = false;
    String bucketKey = null;
    while (cursor.nextChild()) {
      if (cursor.at("ApplyServerSideEncryptionByDefault")) {
        sawDefault = XmlCursor.once(sawDefault ? Boolean.TRUE : null, Boolean.TRUE);
        while (cursor.nextChild()) {
          if (cursor.at("SSEAlgorithm")) {
            algorithm = XmlCursor.once(algorithm, cursor.token());
          } else if (cursor.at("KMSMasterKeyID")) {
            keyId = XmlCursor.once(keyId, cursor.token());
          } else {
            cursor.skip();
          }
        }
      } else if (cursor.at("BucketKeyEnabled")) {
        bucketKey = XmlCursor.once(bucketKey, cursor.token());
      } else if (cursor.at("BlockedEncryptionTypes")) {
        blockedTypes(cursor);
      } else {
        cursor.skip();
      }
    }
    if (algorithm == null) {
      throw XmlCursor.malformed();
    }
    boolean bucketKeyEnabled;
    if (bucketKey == null || bucketKey.equals("false")) {
      bucketKeyEnabled = false;
    } else if (bucketKey.equals("true")) {
      bucketKeyEnabled = true;
    } else {
      throw XmlCursor.malformed();
    }
    return new Rule(algorithm, keyId == null || keyId.isEmpty() ? null : keyId, bucketKeyEnabled);
  }

  /** NONE blocks nothing; blocking SSE-C would need a check on every write Coffer lacks. */
  private static void blockedTypes(XmlCursor cursor) throws XMLStreamException {
    while (cursor.nextChild()) {
      if (cursor.at("EncryptionType")) {
        String type = cursor.token();
        if (!type.equals("NONE")) {
          throw new CofferException(
              ErrorCode.NOT_IMPLEMENTED,
              "Blocking encryption types (" + type + ") is not implemented by Coffer.");
        }
      } else {
        cursor.skip();
      }
    }
  }
}
