package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.Permission;
import io.coffer.s3.xml.Grantees;
import io.coffer.service.AclRequest;
import io.coffer.service.CannedAcl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the ACL a request asks for: {@code x-amz-acl} (a canned ACL) or the {@code x-amz-grant-*}
 * headers, each a comma-separated list of grantees such as {@code id="7"} or {@code
 * uri="http://acs.amazonaws.com/groups/global/AllUsers"}. Both together are refused as S3 refuses
 * them; whether the bucket takes the ACL is the service's to say.
 */
final class AclHeaders {
  /** The grant headers and the permission each gives, in the order S3 documents them. */
  static final Map<String, Permission> GRANTS =
      Map.of(
          "x-amz-grant-full-control", Permission.FULL_CONTROL,
          "x-amz-grant-read", Permission.READ,
          "x-amz-grant-read-acp", Permission.READ_ACP,
          "x-amz-grant-write", Permission.WRITE,
          "x-amz-grant-write-acp", Permission.WRITE_ACP);

  private static final List<String> GRANT_ORDER =
      List.of(
          "x-amz-grant-full-control",
          "x-amz-grant-read",
          "x-amz-grant-read-acp",
          "x-amz-grant-write",
          "x-amz-grant-write-acp");

  private AclHeaders() {}

  static AclRequest parse(Headers headers) {
    String cannedValue = headers.get("x-amz-acl");
    List<Grant> grants = new ArrayList<>();
    for (String header : GRANT_ORDER) {
      String value = headers.get(header);
      if (value != null) {
        grants.addAll(grantees(value, GRANTS.get(header)));
      }
    }
    boolean anyGrantHeader = GRANT_ORDER.stream().anyMatch(h -> headers.get(h) != null);
    if (cannedValue != null && anyGrantHeader) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "Specifying both Canned ACLs and Header Grants is not allowed");
    }
    if (cannedValue == null) {
      return new AclRequest(null, grants);
    }
    String trimmed = cannedValue.trim();
    CannedAcl canned =
        CannedAcl.fromHeader(trimmed)
            .orElseThrow(
                () -> CofferException.invalidArgument("Invalid canned ACL", "x-amz-acl", trimmed));
    return AclRequest.canned(canned);
  }

  /** The grantees of one header, each given {@code permission}. */
  static List<Grant> grantees(String value, @Nullable Permission permission) {
    if (permission == null) {
      throw new IllegalArgumentException("not a grant header");
    }
    List<Grant> grants = new ArrayList<>();
    for (String item : value.split(",")) {
      String entry = item.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals < 0) {
        throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid grant: " + entry);
      }
      String type = entry.substring(0, equals).trim();
      String who = unquote(entry.substring(equals + 1).trim());
      grants.add(new Grant(grantee(type, who), permission));
    }
    if (grants.isEmpty()) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid grant: " + value);
    }
    return grants;
  }

  /** A grantee of a grant header: by canonical ID, group URI or e-mail address. */
  private static Grantee grantee(String type, String who) {
    if (type.equalsIgnoreCase("id")) {
      return Grantees.canonicalUser(who);
    }
    if (type.equalsIgnoreCase("uri")) {
      return Grantees.group(who);
    }
    if (type.equalsIgnoreCase("emailAddress")) {
      throw Grantees.unresolvableEmail();
    }
    throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid grantee type: " + type);
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
