package io.coffer.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks the URLs of target configurations and hides the passwords they may carry. */
final class ConfigUrls {
  private ConfigUrls() {}

  /** {@code scheme://user:password@} (or {@code scheme://token@}): what a redacted URL hides. */
  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/@,?#\\s]*)@");

  /** A password given as a query parameter (JDBC URLs: {@code ?user=x&password=y}). */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("([?&;](?i:password|pass|token)=)[^&;#\\s]*");

  /**
   * Parses a URL whose scheme must be one of {@code schemes} and which must name a host.
   *
   * @throws IllegalArgumentException naming the field
   */
  static URI parse(String field, String value, Set<String> schemes) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("config." + field + " is not a valid URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !schemes.contains(scheme.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "config." + field + " must be a URL with scheme " + String.join(" or ", sorted(schemes)));
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("config." + field + " must name a host");
    }
    return uri;
  }

  /**
   * The text with every password in it replaced by {@code ***}: the password of a URL's user
   * information (a user information without a colon is a token, and replaced whole) and password
   * query parameters.
   */
  static String redact(String text) {
    Matcher m = USER_INFO.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String userInfo = m.group(2);
      int colon = userInfo.indexOf(':');
      String hidden = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + hidden + "@"));
    }
    m.appendTail(out);
    return PASSWORD_PARAMETER.matcher(out).replaceAll("$1***");
  }

  /** A URL's user information, percent-decoded: either part may be absent. */
  record UserInfo(@Nullable String user, @Nullable String password) {}

  static UserInfo userInfo(URI uri) {
    String raw = uri.getRawUserInfo();
    if (raw == null || raw.isEmpty()) {
      return new UserInfo(null, null);
    }
    int colon = raw.indexOf(':');
    if (colon < 0) {
      return new UserInfo(decode(raw), null);
    }
    return new UserInfo(decode(raw.substring(0, colon)), decode(raw.substring(colon + 1)));
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(
        s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static java.util.List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
