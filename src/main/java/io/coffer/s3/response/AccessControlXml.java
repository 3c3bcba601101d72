package io.coffer.s3.response;

import io.coffer.model.Acl;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Permission;
import io.coffer.model.PublicAccessBlock;
import io.coffer.s3.xml.XmlWriter;
import io.coffer.service.AclView;

/**
 * AccessControlPolicy (GetBucketAcl, GetObjectAcl), OwnershipControls,
 * PublicAccessBlockConfiguration and PolicyStatus, as the Get operations answer them.
 */
public final class AccessControlXml {
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private AccessControlXml() {}

  /**
   * An ACL: its Owner, then the owner's own FULL_CONTROL (always implied, so always shown, as S3
   * lists it first), then the other grants in order.
   */
  public static byte[] accessControlPolicy(AclView view) {
    Acl acl = view.acl();
    XmlWriter xml = XmlElements.document("AccessControlPolicy");
    xml.start("Owner");
    xml.element("ID", Long.toString(acl.ownerId()));
    xml.element("DisplayName", view.displayNames().get(acl.ownerId()));
    xml.end();
    xml.start("AccessControlList");
    grant(xml, view, new Grant(new Grantee.CanonicalUser(acl.ownerId()), Permission.FULL_CONTROL));
    for (Grant grant : acl.grants()) {
      grant(xml, view, grant);
    }
    xml.end();
    xml.end();
    return xml.toBytes();
  }

  private static void grant(XmlWriter xml, AclView view, Grant grant) {
    xml.start("Grant");
    switch (grant.grantee()) {
      case Grantee.CanonicalUser user -> {
        xml.startWithAttributes("Grantee", "xmlns:xsi", XSI, "xsi:type", "CanonicalUser");
        xml.element("ID", Long.toString(user.id()));
        xml.element("DisplayName", view.displayNames().get(user.id()));
        xml.end();
      }
      case Grantee.Group group -> {
        xml.startWithAttributes("Grantee", "xmlns:xsi", XSI, "xsi:type", "Group");
        xml.element("URI", group.uri());
        xml.end();
      }
    }
    xml.element("Permission", grant.permission().name());
    xml.end();
  }

  public static byte[] ownershipControls(ObjectOwnership ownership) {
    XmlWriter xml = XmlElements.document("OwnershipControls");
    xml.start("Rule");
    xml.element("ObjectOwnership", ownership.awsName());
    xml.end();
    xml.end();
    return xml.toBytes();
  }

  public static byte[] publicAccessBlock(PublicAccessBlock block) {
    XmlWriter xml = XmlElements.document("PublicAccessBlockConfiguration");
    xml.element("BlockPublicAcls", block.blockPublicAcls());
    xml.element("IgnorePublicAcls", block.ignorePublicAcls());
    xml.element("BlockPublicPolicy", block.blockPublicPolicy());
    xml.element("RestrictPublicBuckets", block.restrictPublicBuckets());
    xml.end();
    return xml.toBytes();
  }

  public static byte[] policyStatus(boolean isPublic) {
    XmlWriter xml = XmlElements.document("PolicyStatus");
    xml.element("IsPublic", isPublic);
    xml.end();
    return xml.toBytes();
  }
}
