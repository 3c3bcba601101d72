package io.coffer.config;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules a server's options must follow, checked before anything starts so that a typo is a
 * usage error with a clear sentence, never a server that runs with something else. Each method
 * returns the value as the server uses it or throws {@link IllegalArgumentException} with a message
 * that names the option.
 */
public final class OptionChecks {
  /**
   * AWS's shape of a region name: a partition prefix of two to four letters, one or more words, and
   * a number ({@code us-east-1}, {@code eu-central-1}, {@code us-gov-west-1}, {@code
   * cn-northwest-1}, {@code eusc-de-east-1}). Clients put the region into every signature and often
   * into the endpoint's host name, so a server whose region no client would configure (a typo such
   * as {@code us-east1} or {@code US-EAST-1}) would refuse every request.
   */
  static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}");

  private static final Pattern DOMAIN =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  public static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");

  private OptionChecks() {}

  public static String region(String region) {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "--region must be an AWS-style region name such as us-east-1 or eu-central-1, not '"
              + region
              + "'");
    }
    return region;
  }

  /** One of {@link #LOG_LEVELS}, in any case. */
  public static String logLevel(String level) {
    String lower = level == null ? "" : level.strip().toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(lower)) {
      throw new IllegalArgumentException(
          "--log-level must be one of " + String.join(", ", LOG_LEVELS) + ", not '" + level + "'");
    }
    return lower;
  }

  /** ACLs work, as self-hosted applications expect (AWS's default before 2023). */
  public static final String DEFAULT_OBJECT_OWNERSHIP = "ObjectWriter";

  private static final List<String> OBJECT_OWNERSHIPS =
      List.of("ObjectWriter", "BucketOwnerPreferred", "BucketOwnerEnforced");

  /** One of AWS's three object ownership values, spelt as AWS spells them. */
  public static String objectOwnership(String value) {
    String given = value == null ? "" : value.strip();
    if (!OBJECT_OWNERSHIPS.contains(given)) {
      throw new IllegalArgumentException(
          "--default-object-ownership must be one of "
              + String.join(", ", OBJECT_OWNERSHIPS)
              + ", not '"
              + value
              + "'");
    }
    return given;
  }

  /**
   * A listen address: {@code HOST:PORT}, {@code :PORT} or {@code [IPv6]:PORT}, whose host is an
   * address or a name that resolves.
   */
  public static HostPort address(String option, String text) {
    HostPort parsed;
    try {
      parsed = HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option + " must be HOST:PORT such as 0.0.0.0:9000: " + e.getMessage());
    }
    if (new InetSocketAddress(parsed.host(), parsed.port()).isUnresolved()) {
      throw new IllegalArgumentException(
          option + ": the host '" + parsed.host() + "' is not an address this machine can resolve");
    }
    return parsed;
  }

  /**
   * A host name for virtual-hosted-style requests ({@code bucket.DOMAIN}): no scheme, port or path.
   */
  public static String domain(String domain) {
    if (!DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException(
          "--domain must be a host name such as s3.example.com (no scheme, port or path), not '"
              + domain
              + "'");
    }
    return domain;
  }

  public static long range(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  public static int positive(String option, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be greater than 0, not " + value);
    }
    return value;
  }

  /** A file the server must read at start (a certificate, a key). */
  public static Path readableFile(String option, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + " " + file + " is not a file");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(option + " " + file + " is not readable by this user");
    }
    return file;
  }

  /** --tls-engine: auto, openssl or jdk. */
  public static TlsSettings.Engine tlsEngine(String value) {
    return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
      case "auto" -> TlsSettings.Engine.AUTO;
      case "openssl" -> TlsSettings.Engine.OPENSSL;
      case "jdk" -> TlsSettings.Engine.JDK;
      default ->
          throw new IllegalArgumentException(
              "--tls-engine must be auto, openssl or jdk, not '" + value + "'");
    };
  }

  /** The shortest metrics token: nothing limits guesses at it but its length. */
  public static final int MIN_METRICS_TOKEN_LENGTH = 16;

  private static final Pattern TOKEN =
      Pattern.compile("[\\x21-\\x7E]{" + MIN_METRICS_TOKEN_LENGTH + ",1024}");

  /**
   * --metrics-token: 16 to 1,024 visible ASCII characters, which an Authorization header carries
   * unchanged and Prometheus reads from a file with its line end trimmed. The message never repeats
   * the value: it is a secret.
   */
  public static String metricsToken(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException(
          "--metrics-token (or COFFER_METRICS_TOKEN) must be "
              + MIN_METRICS_TOKEN_LENGTH
              + " to 1024 visible ASCII characters without spaces, for example from"
              + " `openssl rand -base64 30`");
    }
    return token;
  }

  /**
   * A yes/no environment variable: true, 1 or yes turn it on; false, 0, no or nothing leave it off;
   * anything else is a mistake worth stopping for.
   */
  public static boolean flag(String variable, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw new IllegalArgumentException(
              variable + " must be true or false, not '" + value + "'");
    };
  }
}
