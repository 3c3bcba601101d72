package io.coffer.service.ops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A request's query string without what authenticates it: presigned URLs carry their signature,
 * credential and session token in the query (and may hoist an SSE-C key there), and a trace must
 * never show them. Parameter names are compared decoded and ignoring case, as S3 reads them; a name
 * that cannot be decoded is left out too, rather than shown on a guess.
 */
public final class QueryRedaction {
  private static final Set<String> SECRET_NAMES =
      Set.of(
          "x-amz-signature",
          "x-amz-credential",
          "x-amz-security-token",
          "signature", // SigV2 presigned URLs
          "awsaccesskeyid",
          "hash"); // the management API's presigned URL reference

  private QueryRedaction() {}

  /** The raw query with every authentication parameter removed, order and encoding kept. */
  public static String strip(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return rawQuery;
    }
    StringJoiner kept = new StringJoiner("&");
    for (String parameter : rawQuery.split("&", -1)) {
      if (parameter.isEmpty()) {
        continue;
      }
      int equals = parameter.indexOf('=');
      String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
      if (!isSecret(rawName)) {
        kept.add(parameter);
      }
    }
    return kept.toString();
  }

  private static boolean isSecret(String rawName) {
    String name;
    try {
      name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).trim();
    } catch (IllegalArgumentException malformed) {
      return true;
    }
    return SECRET_NAMES.contains(name)
        || name.contains("signature")
        || name.contains("credential")
        || name.contains("security-token")
        || name.contains("customer-key");
  }
}
