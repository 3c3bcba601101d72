package io.coffer.s3.xml;

import io.coffer.model.Acl;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.Permission;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Parses the body of PutBucketAcl and PutObjectAcl:
 *
 * <pre>{@code
 * <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 *   <Owner><ID>7</ID></Owner>
 *   <AccessControlList>
 *     <Grant>
 *       <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
 *         <URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>
 *       </Grantee>
 *       <Permission>READ</Permission>
 *     </Grant>
 *   </AccessControlList>
 * </AccessControlPolicy>
 * }</pre>
 *
 * <p>A document that is not this (no Owner, a Grant without Grantee or Permission, an unknown
 * permission or grantee type) is MalformedACLError, as S3 answers; a canonical ID that is no number
 * or an unknown group URI is InvalidArgument; a grantee by e-mail address is
 * UnresolvableGrantByEmailAddress. Immutable and thread-safe.
 */
public final class AccessControlPolicyXml {
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final int maxBodyBytes;

  public AccessControlPolicyXml() {
    this(S3Xml.DEFAULT_MAX_BODY_BYTES);
  }

  public AccessControlPolicyXml(int maxBodyBytes) {
    this.maxBodyBytes = BoundedBody.checkLimit(maxBodyBytes);
  }

  public Acl parse(InputStream body) {
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    if (bytes.length == 0) {
      throw malformedAcl();
    }
    try {
      return XmlCursor.parse(bytes, "AccessControlPolicy", AccessControlPolicyXml::read);
    } catch (CofferException e) {
      if (e.code() == ErrorCode.MALFORMED_XML) {
        throw malformedAcl();
      }
      throw e;
    }
  }

  private static Acl read(XmlCursor cursor) throws XMLStreamException {
    String owner = null;
    List<Grant> grants = null;
    while (cursor.nextChild()) {
      if (cursor.at("Owner")) {
        owner = XmlCursor.once(owner, readOwner(cursor));
      } else if (cursor.at("AccessControlList")) {
        grants = XmlCursor.once(grants, readList(cursor));
      } else {
        cursor.skip();
      }
    }
    if (owner == null) {
      throw malformedAcl();
    }
    return new Acl(
        Grantees.canonicalUser(owner).id(), grants == null ? List.of() : List.copyOf(grants));
  }

  private static String readOwner(XmlCursor cursor) throws XMLStreamException {
    String id = null;
    while (cursor.nextChild()) {
      if (cursor.at("ID")) {
        id = XmlCursor.once(id, cursor.token());
      } else {
        cursor.skip();
      }
    }
    if (id == null) {
      throw malformedAcl();
    }
    return id;
  }

  private static List<Grant> readList(XmlCursor cursor) throws XMLStreamException {
    List<Grant> grants = new ArrayList<>();
    while (cursor.nextChild()) {
      if (cursor.at("Grant")) {
        grants.add(readGrant(cursor));
      } else {
        cursor.skip();
      }
    }
    return grants;
  }

  private static Grant readGrant(XmlCursor cursor) throws XMLStreamException {
    Grantee grantee = null;
    String permission = null;
    while (cursor.nextChild()) {
      if (cursor.at("Grantee")) {
        grantee = XmlCursor.once(grantee, readGrantee(cursor));
      } else if (cursor.at("Permission")) {
        permission = XmlCursor.once(permission, cursor.token());
      } else {
        cursor.skip();
      }
    }
    if (grantee == null || permission == null) {
      throw malformedAcl();
    }
    return new Grant(grantee, permission(permission));
  }

  private static Grantee readGrantee(XmlCursor cursor) throws XMLStreamException {
    String type = cursor.attribute(XSI, "type");
    String id = null;
    String uri = null;
    String email = null;
    while (cursor.nextChild()) {
      if (cursor.at("ID")) {
        id = XmlCursor.once(id, cursor.token());
      } else if (cursor.at("URI")) {
        uri = XmlCursor.once(uri, cursor.token());
      } else if (cursor.at("EmailAddress")) {
        email = XmlCursor.once(email, cursor.token());
      } else {
        cursor.skip();
      }
    }
    if (type == null) {
      throw malformedAcl();
    }
    return switch (type) {
      case "CanonicalUser" -> Grantees.canonicalUser(required(id));
      case "Group" -> Grantees.group(required(uri));
      case "AmazonCustomerByEmail" -> {
        required(email);
        throw Grantees.unresolvableEmail();
      }
      default -> throw malformedAcl();
    };
  }

  private static String required(@org.jspecify.annotations.Nullable String value) {
    if (value == null) {
      throw malformedAcl();
    }
    return value;
  }

  private static Permission permission(String name) {
    try {
      return Permission.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw malformedAcl();
    }
  }

  static CofferException malformedAcl() {
    return new CofferException(
        ErrorCode.MALFORMED_ACL_ERROR, ErrorCode.MALFORMED_ACL_ERROR.defaultMessage());
  }
}
