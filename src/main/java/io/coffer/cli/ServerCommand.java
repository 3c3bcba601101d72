package io.coffer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.coffer.config.HostPort;
import io.coffer.config.ServerConfig;
import io.coffer.server.CofferServer;
import io.coffer.server.Startup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
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

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:COFFER_DATA:-./data}",
      description = "Data directory (env COFFER_DATA, default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--address", paramLabel = "HOST:PORT", defaultValue = "${env:COFFER_ADDRESS:-0.0.0.0:9000}",
      description = "S3 API address (env COFFER_ADDRESS, default ${DEFAULT-VALUE}).")
  String address;

  @Option(names = "--console-address", paramLabel = "HOST:PORT",
      defaultValue = "${env:COFFER_CONSOLE_ADDRESS:-0.0.0.0:9001}",
      description = "Management API and console address (env COFFER_CONSOLE_ADDRESS, default ${DEFAULT-VALUE}).")
  String consoleAddress;

  @Option(names = "--region", defaultValue = "${env:COFFER_REGION:-us-east-1}",
      description = "Region name (env COFFER_REGION, default ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--domain", defaultValue = "${env:COFFER_DOMAIN}",
      description = "Base domain for virtual-hosted-style requests, bucket.DOMAIN (env COFFER_DOMAIN).")
  String domain;

  @Option(names = "--public-url", defaultValue = "${env:COFFER_PUBLIC_URL}",
      description = "URL clients reach the S3 API at, for presigned URLs (env COFFER_PUBLIC_URL).")
  String publicUrl;

  @Option(names = "--log-level", defaultValue = "${env:COFFER_LOG_LEVEL:-warn}",
      description = "error, warn, info (adds the access log) or debug (env COFFER_LOG_LEVEL, default ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(names = "--no-sync", description = "Acknowledge writes before they reach the disk (faster; a power loss can lose recent writes).")
  boolean noSync;

  @Option(names = "--inline-threshold", defaultValue = "" + ServerConfig.DEFAULT_INLINE_THRESHOLD,
      description = "Objects up to this many bytes are stored in the metadata database instead of a file "
          + "(0 turns this off, at most " + ServerConfig.MAX_INLINE_THRESHOLD + "; default ${DEFAULT-VALUE}).")
  int inlineThreshold;

  @Option(names = "--max-object-size", defaultValue = "5368709120",
      description = "Largest single PUT in bytes (default ${DEFAULT-VALUE}, 5 GiB).")
  long maxObjectSize;

  @Option(names = "--max-header-size", defaultValue = "65536",
      description = "Largest request header section in bytes (default ${DEFAULT-VALUE}).")
  int maxHeaderSize;

  @Option(names = "--read-timeout", defaultValue = "60",
      description = "Seconds a connection may stay silent while a request is due (default ${DEFAULT-VALUE}).")
  int readTimeoutSeconds;

  @Option(names = "--idle-timeout", defaultValue = "120",
      description = "Seconds a client may stop reading a response (default ${DEFAULT-VALUE}).")
  int idleTimeoutSeconds;

  @Option(names = "--body-timeout", defaultValue = "20",
      description = "Seconds a request body may stop arriving before it is answered 400 RequestTimeout (default ${DEFAULT-VALUE}).")
  int bodyTimeoutSeconds;

  @Option(names = "--max-connections", defaultValue = "4096",
      description = "Connections served at once per port (default ${DEFAULT-VALUE}).")
  int maxConnections;

  @Override
  public Integer call() throws Exception {
    if (inlineThreshold < 0 || inlineThreshold > ServerConfig.MAX_INLINE_THRESHOLD) {
      throw new ParameterException(
          spec.commandLine(), "--inline-threshold must be between 0 and " + ServerConfig.MAX_INLINE_THRESHOLD);
    }
    if (bodyTimeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--body-timeout must be at least 1 second");
    }
    configureLogging(logLevel);
    ServerConfig config =
        new ServerConfig(
            data,
            HostPort.parse(address),
            HostPort.parse(consoleAddress),
            region,
            emptyToNull(System.getenv("COFFER_ACCESS_KEY")),
            emptyToNull(System.getenv("COFFER_SECRET_KEY")),
            emptyToNull(System.getenv("COFFER_API_KEY")),
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
            Duration.ofSeconds(bodyTimeoutSeconds));
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

  private static void printBanner(PrintStream out, CofferServer server, ServerConfig config) {
    String host = config.s3Address().host();
    String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    out.println("Coffer " + Version.current() + " is running.");
    out.println("  S3 API:    http://" + shown + ":" + server.s3Port() + "  (region " + config.region() + ")");
    out.println("  Console:   http://" + shown + ":" + server.consolePort() + "/");
    out.println("  Data:      " + config.dataDir().toAbsolutePath().normalize());
    Startup startup = server.startup();
    if (startup.generatedSecret() != null) {
      out.println();
      out.println("  A credential was generated for user 'admin' (shown only now):");
      out.println("    Access key: " + startup.admin().accessKey());
      out.println("    Secret key: " + startup.generatedSecret());
    }
    if (startup.generatedApiKey() != null) {
      out.println();
      out.println("  A management API key was generated (shown only now; only its hash is stored):");
      out.println("    API key:    " + startup.generatedApiKey());
    }
    out.flush();
  }

  static void configureLogging(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Level parsed = Level.toLevel(level, Level.WARN);
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(parsed);
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
