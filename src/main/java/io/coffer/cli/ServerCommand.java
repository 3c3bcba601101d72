package io.coffer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.coffer.config.ConsoleSessionSettings;
import io.coffer.config.EncryptionSettings;
import io.coffer.config.EnvCredentials;
import io.coffer.config.HostPort;
import io.coffer.config.MetadataOptions;
import io.coffer.config.MetadataSettings;
import io.coffer.config.MetricsSettings;
import io.coffer.config.OptionChecks;
import io.coffer.config.ServerConfig;
import io.coffer.config.TlsSettings;
import io.coffer.server.CofferServer;
import io.coffer.server.OldGenerationBound;
import io.coffer.server.PublicEndpoint;
import io.coffer.server.Startup;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code coffer server}: runs the S3 API and the console until SIGTERM or SIGINT. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Starts the S3 API and the management console.")
public final class ServerCommand implements Callable<Integer> {
  /** AWS's largest object; a single PUT is 5 GiB there, but a local store may allow more. */
  static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

  /**
   * Below this not even a signed request's headers fit; above it one connection's headers cost too
   * much.
   */
  static final int MIN_HEADER_SIZE = 1024;

  static final int MAX_HEADER_SIZE = 1024 * 1024;

  @Spec CommandSpec spec;

  @Mixin DataDirectoryOption data;

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:COFFER_ADDRESS:-0.0.0.0:9000}",
      description = "S3 API address (env COFFER_ADDRESS, default ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--console-address",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:COFFER_CONSOLE_ADDRESS:-0.0.0.0:9001}",
      description =
          "Management API and console address (env COFFER_CONSOLE_ADDRESS, default"
              + " ${DEFAULT-VALUE}).")
  String consoleAddress;

  @Option(
      names = "--region",
      defaultValue = "${env:COFFER_REGION:-us-east-1}",
      description =
          "Region name, AWS-style such as eu-central-1 (env COFFER_REGION, default"
              + " ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--domain",
      defaultValue = "${env:COFFER_DOMAIN}",
      description =
          "Base domain for virtual-hosted-style requests, bucket.DOMAIN (env COFFER_DOMAIN).")
  String domain;

  @Option(
      names = "--public-url",
      defaultValue = "${env:COFFER_PUBLIC_URL}",
      description = "URL clients reach the S3 API at, for presigned URLs (env COFFER_PUBLIC_URL).")
  String publicUrl;

  @Option(
      names = "--log-level",
      defaultValue = "${env:COFFER_LOG_LEVEL:-warn}",
      description =
          "error, warn, info (adds the access log), debug or trace (env COFFER_LOG_LEVEL, default"
              + " ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(
      names = "--no-sync",
      description =
          "Acknowledge writes before they reach the disk (faster; a power loss can lose recent"
              + " writes).")
  boolean noSync;

  @Option(
      names = "--inline-threshold",
      defaultValue = "" + ServerConfig.DEFAULT_INLINE_THRESHOLD,
      description =
          "Objects up to this many bytes are stored in the metadata database instead of a file "
              + "(0 turns this off, at most "
              + ServerConfig.MAX_INLINE_THRESHOLD
              + "; default ${DEFAULT-VALUE}).")
  int inlineThreshold;

  @Option(
      names = "--max-object-size",
      defaultValue = "5368709120",
      description = "Largest single PUT in bytes (default ${DEFAULT-VALUE}, 5 GiB).")
  long maxObjectSize;

  @Option(
      names = "--max-header-size",
      defaultValue = "65536",
      description = "Largest request header section in bytes (default ${DEFAULT-VALUE}).")
  int maxHeaderSize;

  @Option(
      names = "--read-timeout",
      defaultValue = "60",
      description =
          "Seconds a connection may stay silent while a request is due (default ${DEFAULT-VALUE}).")
  int readTimeoutSeconds;

  @Option(
      names = "--idle-timeout",
      defaultValue = "120",
      description = "Seconds a client may stop reading a response (default ${DEFAULT-VALUE}).")
  int idleTimeoutSeconds;

  @Option(
      names = "--body-timeout",
      defaultValue = "20",
      description =
          "Seconds a request body may stop arriving before it is answered 400 RequestTimeout"
              + " (default ${DEFAULT-VALUE}).")
  int bodyTimeoutSeconds;

  @Option(
      names = "--max-connections",
      defaultValue = "4096",
      description = "Connections served at once per port (default ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--default-object-ownership",
      defaultValue = "${env:COFFER_DEFAULT_OBJECT_OWNERSHIP:-ObjectWriter}",
      description =
          "Object ownership of buckets created without x-amz-object-ownership: ObjectWriter (ACLs"
              + " work, as self-hosted applications expect), BucketOwnerPreferred or"
              + " BucketOwnerEnforced (ACLs disabled, AWS's default) (env"
              + " COFFER_DEFAULT_OBJECT_OWNERSHIP, default ${DEFAULT-VALUE}).")
  String defaultObjectOwnership;

  @Option(
      names = "--lifecycle-day-seconds",
      defaultValue = "${env:COFFER_LIFECYCLE_DAY_SECONDS:-86400}",
      description =
          "The length of a lifecycle day in seconds, for tests and demos: with 10, an object under"
              + " an Expiration Days 1 rule expires at the next 10-second boundary after 10 s (env"
              + " COFFER_LIFECYCLE_DAY_SECONDS, default ${DEFAULT-VALUE}).")
  int lifecycleDaySeconds;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "PEM certificate chain (leaf first): both ports serve HTTPS, TLS 1.2 and 1.3 only; the"
              + " file is re-read when it changes (env COFFER_TLS_CERT).")
  @Nullable Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description =
          "PEM private key (RSA or EC; PKCS#8, PKCS#1 or SEC1, unencrypted) of --tls-cert (env"
              + " COFFER_TLS_KEY).")
  @Nullable Path tlsKey;

  @Option(
      names = "--certs-dir",
      paramLabel = "DIR",
      description =
          "One folder per host name (SNI; *.example.com for a wildcard) holding public.crt and"
              + " private.key, fullchain.pem and privkey.pem, or tls.crt and tls.key (env"
              + " COFFER_CERTS_DIR).")
  @Nullable Path certsDir;

  @Option(
      names = "--tls-engine",
      paramLabel = "ENGINE",
      description =
          "auto (BoringSSL where it loads, else the JDK's), openssl or jdk (env COFFER_TLS_ENGINE,"
              + " default auto).")
  @Nullable String tlsEngine;

  @Option(
      names = "--allow-sse-c-over-http",
      description =
          "Accept SSE-C keys over plain HTTP, for test rigs and behind a TLS-terminating proxy;"
              + " AWS refuses them (env COFFER_ALLOW_SSE_C_OVER_HTTP=true).")
  boolean allowSseCOverHttp;

  @Option(
      names = "--notification-queue-limit",
      defaultValue = "${env:COFFER_NOTIFICATION_QUEUE_LIMIT:-100000}",
      description =
          "Events each notification target's durable queue holds at most while the target is"
              + " down or slow; later events for it are dropped, counted in /metrics and logged"
              + " (env COFFER_NOTIFICATION_QUEUE_LIMIT, default ${DEFAULT-VALUE}).")
  long notificationQueueLimit;

  @Option(
      names = "--console-session-idle-seconds",
      defaultValue = "${env:COFFER_CONSOLE_SESSION_IDLE_SECONDS:-1800}",
      description =
          "A console session unused this long ends and the console asks to sign in again (env"
              + " COFFER_CONSOLE_SESSION_IDLE_SECONDS, default ${DEFAULT-VALUE}).")
  long consoleSessionIdleSeconds;

  @Option(
      names = "--console-session-max-seconds",
      defaultValue = "${env:COFFER_CONSOLE_SESSION_MAX_SECONDS:-43200}",
      description =
          "A console session ends this long after its sign-in, however busy (env"
              + " COFFER_CONSOLE_SESSION_MAX_SECONDS, default ${DEFAULT-VALUE}).")
  long consoleSessionMaxSeconds;

  @Option(
      names = "--disk-free-warning-percent",
      paramLabel = "PERCENT",
      defaultValue = "${env:COFFER_DISK_FREE_WARNING_PERCENT:-10}",
      description =
          "The console's operations view warns when less than this share of the data directory's"
              + " file system is free, 0 to 100 (env COFFER_DISK_FREE_WARNING_PERCENT, default"
              + " ${DEFAULT-VALUE}).")
  int diskFreeWarningPercent;

  @Option(
      names = "--metadata",
      paramLabel = "URL",
      description =
          "Where the metadata lives: sqlite (the default: one node, in the data directory) or a"
              + " PostgreSQL 13+ URL, postgresql://user@host:5432/database or"
              + " jdbc:postgresql://..., for several nodes sharing the database and the data"
              + " directory; the password from COFFER_METADATA_PASSWORD keeps it out of ps (env"
              + " COFFER_METADATA).")
  @Nullable String metadata;

  @Option(
      names = "--node-id",
      paramLabel = "ID",
      description =
          "This node's identity among several (leases, logs, its lock file): 1 to 64 of A-Z a-z"
              + " 0-9 . _ : - (env COFFER_NODE_ID, default the host name and the S3 port,"
              + " host:9000).")
  @Nullable String nodeId;

  @Option(
      names = "--blob-grace-seconds",
      paramLabel = "SECONDS",
      description =
          "With PostgreSQL: how long the file of an overwritten or deleted object is kept before"
              + " it is deleted, so that a read on another node is never cut off; longer than any"
              + " GET (env COFFER_BLOB_GRACE_SECONDS, default 3600).")
  @Nullable Integer blobGraceSeconds;

  @Option(
      names = "--metrics-token",
      paramLabel = "TOKEN",
      description =
          "/metrics answers only scrapes sending Authorization: Bearer TOKEN (16 to 1024 visible"
              + " ASCII characters); COFFER_METRICS_TOKEN keeps it out of ps (env"
              + " COFFER_METRICS_TOKEN, default none: /metrics is open on the console port).")
  @Nullable String metricsToken;

  /** The environment the credentials come from (a field so that tests can give their own). */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() throws Exception {
    ServerConfig config = configFromOptions();
    configureLogging(logLevel);
    OldGenerationBound.install();
    CofferServer server = CofferServer.start(config);
    printBanner(System.out, server, config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "coffer-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Checks every option and the environment's credentials before anything starts: a value the
   * server cannot use is a usage error (exit status 2) with one sentence naming the option.
   */
  ServerConfig configFromOptions() {
    try {
      HostPort s3Address = OptionChecks.address("--address", address);
      HostPort console = OptionChecks.address("--console-address", consoleAddress);
      if (s3Address.port() != 0 && s3Address.equals(console)) {
        throw new IllegalArgumentException(
            "--address and --console-address must differ, both are " + s3Address);
      }
      OptionChecks.region(region);
      OptionChecks.logLevel(logLevel);
      if (emptyToNull(domain) != null) {
        OptionChecks.domain(domain);
      }
      if (emptyToNull(publicUrl) != null) {
        PublicEndpoint.normalise(publicUrl);
      }
      OptionChecks.range(
          "--inline-threshold", inlineThreshold, 0, ServerConfig.MAX_INLINE_THRESHOLD);
      OptionChecks.range("--max-object-size", maxObjectSize, 1, MAX_OBJECT_SIZE);
      OptionChecks.range("--max-header-size", maxHeaderSize, MIN_HEADER_SIZE, MAX_HEADER_SIZE);
      OptionChecks.positive("--read-timeout", readTimeoutSeconds);
      OptionChecks.positive("--idle-timeout", idleTimeoutSeconds);
      OptionChecks.positive("--max-connections", maxConnections);
      OptionChecks.positive("--body-timeout", bodyTimeoutSeconds);
      OptionChecks.positive("--lifecycle-day-seconds", lifecycleDaySeconds);
      OptionChecks.range("--notification-queue-limit", notificationQueueLimit, 1, 1_000_000_000L);
      OptionChecks.range(
          "--console-session-idle-seconds", consoleSessionIdleSeconds, 1, 31_536_000);
      OptionChecks.range("--console-session-max-seconds", consoleSessionMaxSeconds, 1, 31_536_000);
      OptionChecks.range("--disk-free-warning-percent", diskFreeWarningPercent, 0, 100);
      String ownership = OptionChecks.objectOwnership(defaultObjectOwnership);
      EnvCredentials secrets = EnvCredentials.from(env);
      return new ServerConfig(
          data.path,
          s3Address,
          console,
          region,
          secrets.accessKey(),
          secrets.secretKey(),
          secrets.apiKey(),
          emptyToNull(domain),
          emptyToNull(publicUrl),
          !noSync,
          inlineThreshold,
          maxObjectSize,
          maxHeaderSize,
          Duration.ofSeconds(readTimeoutSeconds),
          Duration.ofSeconds(idleTimeoutSeconds),
          maxConnections,
          Duration.ofSeconds(25),
          Duration.ofSeconds(bodyTimeoutSeconds),
          ownership,
          Duration.ofSeconds(lifecycleDaySeconds),
          diskFreeWarningPercent,
          tlsSettings(),
          new EncryptionSettings(
              allowSseCOverHttp
                  || OptionChecks.flag(
                      "COFFER_ALLOW_SSE_C_OVER_HTTP", env.get("COFFER_ALLOW_SSE_C_OVER_HTTP")),
              emptyToNull(env.getOrDefault("COFFER_KMS_MASTER_KEY", ""))),
          notificationQueueLimit,
          metadataSettings(),
          new ConsoleSessionSettings(
              Duration.ofSeconds(consoleSessionIdleSeconds),
              Duration.ofSeconds(consoleSessionMaxSeconds)),
          metricsSettings());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * --metadata, --node-id and --blob-grace-seconds, each falling back to its variable; the password
   * only from COFFER_METADATA_PASSWORD (or the URL).
   */
  private MetadataSettings metadataSettings() {
    String url =
        MetadataOptions.metadataUrl(metadata != null ? metadata : env.get("COFFER_METADATA"));
    String node = MetadataOptions.nodeId(nodeId != null ? nodeId : env.get("COFFER_NODE_ID"));
    int grace;
    if (blobGraceSeconds != null) {
      grace = blobGraceSeconds;
    } else {
      String fromEnv = emptyToNull(env.getOrDefault("COFFER_BLOB_GRACE_SECONDS", ""));
      grace = fromEnv == null ? 3600 : parseSeconds("COFFER_BLOB_GRACE_SECONDS", fromEnv);
    }
    OptionChecks.positive("--blob-grace-seconds", grace);
    String password = emptyToNull(env.getOrDefault("COFFER_METADATA_PASSWORD", ""));
    return new MetadataSettings(url, password, node, Duration.ofSeconds(grace));
  }

  /** --metrics-token, else COFFER_METRICS_TOKEN; an empty variable is no token. */
  private MetricsSettings metricsSettings() {
    String token =
        metricsToken != null
            ? metricsToken
            : emptyToNull(env.getOrDefault("COFFER_METRICS_TOKEN", ""));
    return token == null
        ? MetricsSettings.OPEN
        : new MetricsSettings(OptionChecks.metricsToken(token));
  }

  private static int parseSeconds(String variable, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          variable + " must be a number of seconds, not '" + value + "'");
    }
  }

  /** --tls-cert, --tls-key, --certs-dir and --tls-engine, each falling back to its variable. */
  private TlsSettings tlsSettings() {
    Path cert = tlsCert != null ? tlsCert : pathFromEnv("COFFER_TLS_CERT");
    Path key = tlsKey != null ? tlsKey : pathFromEnv("COFFER_TLS_KEY");
    Path dir = certsDir != null ? certsDir : pathFromEnv("COFFER_CERTS_DIR");
    String engine = tlsEngine != null ? tlsEngine : env.getOrDefault("COFFER_TLS_ENGINE", "auto");
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException(
          "--tls-cert and --tls-key go together: give both, or neither");
    }
    if (cert != null) {
      OptionChecks.readableFile("--tls-cert", cert);
      OptionChecks.readableFile("--tls-key", Objects.requireNonNull(key));
    }
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--certs-dir " + dir + " is not a directory");
    }
    TlsSettings.Engine chosen = OptionChecks.tlsEngine(engine);
    if (cert == null && dir == null) {
      if (tlsEngine != null) {
        throw new IllegalArgumentException("--tls-engine needs --tls-cert or --certs-dir");
      }
      return TlsSettings.PLAIN;
    }
    return new TlsSettings(cert, key, dir).withEngine(chosen);
  }

  private @Nullable Path pathFromEnv(String name) {
    String value = emptyToNull(env.getOrDefault(name, ""));
    return value == null ? null : Path.of(value);
  }

  private static void printBanner(PrintStream out, CofferServer server, ServerConfig config) {
    String host = config.s3Address().host();
    String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    out.println("Coffer " + Version.current() + " is running.");
    String scheme = server.scheme();
    out.println(
        "  S3 API:    "
            + scheme
            + "://"
            + shown
            + ":"
            + server.s3Port()
            + "  (region "
            + config.region()
            + ")");
    out.println("  Console:   " + scheme + "://" + shown + ":" + server.consolePort() + "/");
    if (server.tlsEngine() != null) {
      out.println(
          "  TLS:       1.2 and 1.3, "
              + server.tlsEngine()
              + " engine; certificate files re-read when they change");
    }
    out.println("  Data:      " + config.dataDir().toAbsolutePath().normalize());
    if (config.metadata().postgres()) {
      out.println("  Metadata:  PostgreSQL, as node " + server.nodeId());
    }
    Startup startup = server.startup();
    if (startup.generatedSecret() != null) {
      out.println();
      out.println("  A credential was generated for user 'admin' (shown only now):");
      out.println("    Access key: " + Objects.requireNonNull(startup.admin()).accessKey());
      out.println("    Secret key: " + startup.generatedSecret());
    }
    if (startup.generatedApiKey() != null) {
      out.println();
      out.println(
          "  A management API key was generated (shown only now; only its hash is stored):");
      out.println("    API key:    " + startup.generatedApiKey());
    }
    out.flush();
  }

  /** Sets the root logger's level; {@code level} has passed {@link OptionChecks#logLevel}. */
  static void configureLogging(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Level parsed = Level.toLevel(OptionChecks.logLevel(level));
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(parsed);
    }
  }

  private static @Nullable String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
