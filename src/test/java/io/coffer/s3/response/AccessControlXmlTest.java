package io.coffer.s3.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Acl;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Permission;
import io.coffer.model.PublicAccessBlock;
import io.coffer.s3.xml.AccessControlPolicyXml;
import io.coffer.service.AclView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden documents of GetBucketAcl/GetObjectAcl, ownership controls, PAB and policy status. */
class AccessControlXmlTest {
  static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
  static final String XSI = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

  static String text(byte[] document) {
    return new String(document, StandardCharsets.UTF_8);
  }

  static final Acl ACL =
      new Acl(
          7,
          List.of(
              new Grant(Grantee.Group.ALL_USERS, Permission.READ),
              new Grant(new Grantee.CanonicalUser(9), Permission.WRITE_ACP)));

  @Test
  void accessControlPolicyListsTheOwnersFullControlFirst() {
    String xml = text(AccessControlXml.accessControlPolicy(new AclView(ACL, Map.of(7L, "alice"))));
    assertThat(xml)
        .isEqualTo(
            DECL
                + "<AccessControlPolicy"
                + NS
                + "><Owner><ID>7</ID><DisplayName>alice</DisplayName></Owner><AccessControlList>"
                + "<Grant><Grantee "
                + XSI
                + " xsi:type=\"CanonicalUser\"><ID>7</ID><DisplayName>alice</DisplayName></Grantee>"
                + "<Permission>FULL_CONTROL</Permission></Grant>"
                + "<Grant><Grantee "
                + XSI
                + " xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>"
                + "</Grantee><Permission>READ</Permission></Grant>"
                + "<Grant><Grantee "
                + XSI
                + " xsi:type=\"CanonicalUser\"><ID>9</ID></Grantee>"
                + "<Permission>WRITE_ACP</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>");
  }

  @Test
  void theRenderedPolicyParsesBackToTheAclWithTheOwnersGrant() {
    byte[] xml = AccessControlXml.accessControlPolicy(new AclView(ACL, Map.of()));
    Acl parsed = new AccessControlPolicyXml().parse(new ByteArrayInputStream(xml));
    assertThat(parsed.ownerId()).isEqualTo(7);
    assertThat(parsed.grants())
        .containsExactly(
            new Grant(new Grantee.CanonicalUser(7), Permission.FULL_CONTROL),
            new Grant(Grantee.Group.ALL_USERS, Permission.READ),
            new Grant(new Grantee.CanonicalUser(9), Permission.WRITE_ACP));
  }

  @Test
  void ownershipControlsPublicAccessBlockAndPolicyStatus() {
    assertThat(text(AccessControlXml.ownershipControls(ObjectOwnership.BUCKET_OWNER_PREFERRED)))
        .isEqualTo(
            DECL
                + "<OwnershipControls"
                + NS
                + "><Rule><ObjectOwnership>BucketOwnerPreferred</ObjectOwnership></Rule>"
                + "</OwnershipControls>");
    assertThat(
            text(
                AccessControlXml.publicAccessBlock(
                    new PublicAccessBlock(true, false, true, false))))
        .isEqualTo(
            DECL
                + "<PublicAccessBlockConfiguration"
                + NS
                + "><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls>"
                + "<BlockPublicPolicy>true</BlockPublicPolicy>"
                + "<RestrictPublicBuckets>false</RestrictPublicBuckets>"
                + "</PublicAccessBlockConfiguration>");
    assertThat(text(AccessControlXml.policyStatus(true)))
        .isEqualTo(DECL + "<PolicyStatus" + NS + "><IsPublic>true</IsPublic></PolicyStatus>");
  }
}
