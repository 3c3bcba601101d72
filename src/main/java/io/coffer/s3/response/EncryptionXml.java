package io.coffer.s3.response;

import io.coffer.model.BucketEncryption;
import io.coffer.model.Encryption;
import io.coffer.s3.xml.XmlWriter;

/** GetBucketEncryption's answer: the bucket's default rule. */
public final class EncryptionXml {
  private EncryptionXml() {}

  /**
   * @param region the server's region, for the KMS key's ARN
   */
  public static byte[] configuration(BucketEncryption encryption, String region) {
    XmlWriter xml = XmlElements.document("ServerSideEncryptionConfiguration");
    xml.start("Rule");
    xml.start("ApplyServerSideEncryptionByDefault");
    xml.element("SSEAlgorithm", encryption.mode().headerValue());
    if (encryption.mode() == Encryption.Mode.KMS && encryption.kmsKeyId() != null) {
      xml.element("KMSMasterKeyID", EncryptionHeaders.keyArn(region, encryption.kmsKeyId()));
    }
    xml.end();
    xml.element("BucketKeyEnabled", encryption.bucketKeyEnabled() ? "true" : "false");
    xml.end();
    xml.end();
    return xml.toBytes();
  }
}
