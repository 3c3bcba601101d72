package io.coffer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything a running server needs, resolved from the command line and the environment.
 *
 * @param accessKey with secretKey: the admin S3 credential to ensure at start, or null
 * @param apiKey the management API key, or null to use (or generate) the stored one
 * @param domain base domain for virtual-hosted-style requests ({@code bucket.domain}), or null
 * @param publicUrl base URL clients reach the S3 API at (for presigned URLs), or null to derive it
 * @param syncWrites whether data and metadata are synced to disk before a write is acknowledged
 * @param defaultObjectOwnership the object ownership (AWS's name, checked by {@link
 *     OptionChecks#objectOwnership}) of buckets created without x-amz-object-ownership
 * @param inlineThreshold objects up to this size live in the metadata store instead of a file
 * @param bodyTimeout how long a request body may stop arriving before it is answered RequestTimeout
 * @param lifecycleDay the length of a lifecycle day (one day; shorter for tests and demos)
 * @param tls the server's own TLS, {@link TlsSettings#PLAIN} for plain HTTP
 * @param encryption encryption at rest
 * @param notificationQueueLimit how many events each notification target's durable queue holds at
 *     most; events past it are dropped (counted and logged)
 * @param metadata the metadata store (SQLite or PostgreSQL) and this node's identity
 * @param consoleSessions how long a console sign-in lasts (idle and in all)
 */
public record ServerConfig(
    Path dataDir,
    HostPort s3Address,
    HostPort consoleAddress,
    String region,
    @Nullable String accessKey,
    @Nullable String secretKey,
    @Nullable String apiKey,
    @Nullable String domain,
    @Nullable String publicUrl,
    boolean syncWrites,
    int inlineThreshold,
    long maxObjectSize,
    int maxHeaderSize,
    Duration readTimeout,
    Duration idleTimeout,
    int maxConnections,
    Duration shutdownGrace,
    Duration bodyTimeout,
    String defaultObjectOwnership,
    Duration lifecycleDay,
    TlsSettings tls,
    EncryptionSettings encryption,
    long notificationQueueLimit,
    MetadataSettings metadata,
    ConsoleSessionSettings consoleSessions) {

  /** Events a notification target's queue holds by default (--notification-queue-limit). */
  public static final long DEFAULT_NOTIFICATION_QUEUE_LIMIT = 100_000;

  public static final long FIVE_GIB = 5L * 1024 * 1024 * 1024;

  /**
   * Objects up to this many bytes are kept in the metadata store by default: one group-committed
   * SQLite write (whose fsync all concurrent writers share) instead of a file create, write, fsync,
   * rename and directory fsync each. Chosen by measurement, see docs/benchmarks.md.
   */
  public static final int DEFAULT_INLINE_THRESHOLD = 64 * 1024;

  /** The largest inline threshold: the body writer's buffer holds an inline body whole. */
  public static final int MAX_INLINE_THRESHOLD = 64 * 1024;

  /**
   * AWS answers RequestTimeout after about 20 s of body silence, well inside the 60 s read timeout
   * of botocore and most SDKs, so clients get an answer instead of timing out and retrying.
   */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);

  /** Defaults for a server on the given data dir listening on free loopback ports (for tests). */
  public static ServerConfig forTests(Path dataDir) {
    return new ServerConfig(
        dataDir,
        new HostPort("127.0.0.1", 0),
        new HostPort("127.0.0.1", 0),
        "us-east-1",
        null,
        null,
        null,
        null,
        null,
        true,
        DEFAULT_INLINE_THRESHOLD,
        FIVE_GIB,
        64 * 1024,
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        4096,
        Duration.ofSeconds(10),
        DEFAULT_BODY_TIMEOUT,
        OptionChecks.DEFAULT_OBJECT_OWNERSHIP,
        Duration.ofDays(1),
        TlsSettings.PLAIN,
        EncryptionSettings.DEFAULT,
        DEFAULT_NOTIFICATION_QUEUE_LIMIT,
        MetadataSettings.SQLITE,
        ConsoleSessionSettings.DEFAULT);
  }

  public ServerConfig withCredentials(String accessKey, String secretKey, String apiKey) {
    return with(
        c -> {
          c.accessKey = accessKey;
          c.secretKey = secretKey;
          c.apiKey = apiKey;
        });
  }

  public ServerConfig withAddresses(HostPort s3Address, HostPort consoleAddress) {
    return with(
        c -> {
          c.s3Address = s3Address;
          c.consoleAddress = consoleAddress;
        });
  }

  public ServerConfig withDomain(String domain) {
    return with(c -> c.domain = domain);
  }

  public ServerConfig withLimits(
      long maxObjectSize, int maxHeaderSize, Duration readTimeout, int maxConnections) {
    return with(
        c -> {
          c.maxObjectSize = maxObjectSize;
          c.maxHeaderSize = maxHeaderSize;
          c.readTimeout = readTimeout;
          c.maxConnections = maxConnections;
        });
  }

  public ServerConfig withBodyTimeout(Duration bodyTimeout) {
    return with(c -> c.bodyTimeout = bodyTimeout);
  }

  /**
   * @param ownership ObjectWriter, BucketOwnerPreferred or BucketOwnerEnforced
   */
  public ServerConfig withDefaultObjectOwnership(String ownership) {
    return with(c -> c.defaultObjectOwnership = ownership);
  }

  public ServerConfig withLifecycleDay(Duration day) {
    return with(c -> c.lifecycleDay = day);
  }

  public ServerConfig withTls(TlsSettings newTls) {
    return with(c -> c.tls = newTls);
  }

  public ServerConfig withEncryption(EncryptionSettings newEncryption) {
    return with(c -> c.encryption = newEncryption);
  }

  public ServerConfig withNotificationQueueLimit(long eventsPerTarget) {
    return with(c -> c.notificationQueueLimit = eventsPerTarget);
  }

  public ServerConfig withMetadata(MetadataSettings newMetadata) {
    return with(c -> c.metadata = newMetadata);
  }

  public ServerConfig withConsoleSessions(ConsoleSessionSettings sessions) {
    return with(c -> c.consoleSessions = sessions);
  }

  /** This configuration with the changes {@code change} makes to a mutable copy of it. */
  private ServerConfig with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The components as mutable fields: each with-method changes its own and keeps the rest. */
  private static final class Copy {
    Path dataDir;
    HostPort s3Address;
    HostPort consoleAddress;
    String region;
    @Nullable String accessKey;
    @Nullable String secretKey;
    @Nullable String apiKey;
    @Nullable String domain;
    @Nullable String publicUrl;
    boolean syncWrites;
    int inlineThreshold;
    long maxObjectSize;
    int maxHeaderSize;
    Duration readTimeout;
    Duration idleTimeout;
    int maxConnections;
    Duration shutdownGrace;
    Duration bodyTimeout;
    String defaultObjectOwnership;
    Duration lifecycleDay;
    TlsSettings tls;
    EncryptionSettings encryption;
    long notificationQueueLimit;
    MetadataSettings metadata;
    ConsoleSessionSettings consoleSessions;

    Copy(ServerConfig c) {
      dataDir = c.dataDir;
      s3Address = c.s3Address;
      consoleAddress = c.consoleAddress;
      region = c.region;
      accessKey = c.accessKey;
      secretKey = c.secretKey;
      apiKey = c.apiKey;
      domain = c.domain;
      publicUrl = c.publicUrl;
      syncWrites = c.syncWrites;
      inlineThreshold = c.inlineThreshold;
      maxObjectSize = c.maxObjectSize;
      maxHeaderSize = c.maxHeaderSize;
      readTimeout = c.readTimeout;
      idleTimeout = c.idleTimeout;
      maxConnections = c.maxConnections;
      shutdownGrace = c.shutdownGrace;
      bodyTimeout = c.bodyTimeout;
      defaultObjectOwnership = c.defaultObjectOwnership;
      lifecycleDay = c.lifecycleDay;
      tls = c.tls;
      encryption = c.encryption;
      notificationQueueLimit = c.notificationQueueLimit;
      metadata = c.metadata;
      consoleSessions = c.consoleSessions;
    }

    ServerConfig build() {
      return new ServerConfig(
          dataDir,
          s3Address,
          consoleAddress,
          region,
          accessKey,
          secretKey,
          apiKey,
          domain,
          publicUrl,
          syncWrites,
          inlineThreshold,
          maxObjectSize,
          maxHeaderSize,
          readTimeout,
          idleTimeout,
          maxConnections,
          shutdownGrace,
          bodyTimeout,
          defaultObjectOwnership,
          lifecycleDay,
          tls,
          encryption,
          notificationQueueLimit,
          metadata,
          consoleSessions);
    }
  }
}
