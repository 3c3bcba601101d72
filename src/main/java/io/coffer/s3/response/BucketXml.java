package io.coffer.s3.response;

import io.coffer.http.HttpDates;
import io.coffer.model.Bucket;
import io.coffer.model.Versioning;
import io.coffer.s3.request.ContinuationToken;
import io.coffer.s3.xml.XmlWriter;
import io.coffer.service.BucketService.BucketPage;
import org.jspecify.annotations.Nullable;

/** ListAllMyBucketsResult, LocationConstraint and VersioningConfiguration. */
public final class BucketXml {
  private BucketXml() {}

  /**
   * @param prefix the prefix asked for, echoed when sent (null: not sent)
   */
  public static byte[] listAllMyBuckets(Owner owner, BucketPage page, @Nullable String prefix) {
    XmlWriter xml = XmlElements.document("ListAllMyBucketsResult");
    XmlElements.owner(xml, "Owner", owner);
    xml.start("Buckets");
    for (Bucket bucket : page.buckets()) {
      xml.start("Bucket");
      xml.element("Name", bucket.name());
      xml.element("CreationDate", HttpDates.iso8601(bucket.createdAt()));
      xml.element("BucketRegion", bucket.region());
      xml.end();
    }
    xml.end();
    xml.element("Prefix", prefix);
    if (page.truncated()) {
      String last = page.buckets().getLast().name();
      xml.element(
          "ContinuationToken",
          ContinuationToken.issue(ContinuationToken.Listing.BUCKETS, "", last));
    }
    xml.end();
    return xml.toBytes();
  }

  /** us-east-1 is reported as an empty constraint, as S3 does. */
  public static byte[] locationConstraint(String region) {
    XmlWriter xml = XmlElements.document("LocationConstraint");
    xml.text(region.equals("us-east-1") ? "" : region);
    xml.end();
    return xml.toBytes();
  }

  /** The bucket's status, Enabled or Suspended; empty for a bucket never versioned, as S3. */
  public static byte[] versioningConfiguration(Versioning versioning) {
    XmlWriter xml = XmlElements.document("VersioningConfiguration");
    xml.element("Status", versioning.status());
    xml.end();
    return xml.toBytes();
  }
}
