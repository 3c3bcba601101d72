package io.coffer.server;

import io.coffer.admin.AdminFrontend;
import io.coffer.admin.console.ConsoleAssets;
import io.coffer.blob.fs.FileBlobStore;
import io.coffer.config.ServerConfig;
import io.coffer.http.HttpLimits;
import io.coffer.http.HttpServer;
import io.coffer.meta.MetadataStore;
import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.Credential;
import io.coffer.model.Stats;
import io.coffer.s3.S3Frontend;
import io.coffer.s3.auth.SigV4Verifier;
import io.coffer.s3.handler.BucketHandler;
import io.coffer.s3.handler.CopyHandler;
import io.coffer.s3.handler.DeleteObjectsHandler;
import io.coffer.s3.handler.ListingHandler;
import io.coffer.s3.handler.MultipartHandler;
import io.coffer.s3.handler.ObjectHandler;
import io.coffer.s3.handler.S3Dispatcher;
import io.coffer.service.ApiKeys;
import io.coffer.service.BucketService;
import io.coffer.service.CopyService;
import io.coffer.service.CredentialService;
import io.coffer.service.MultipartService;
import io.coffer.service.ObjectService;
import io.coffer.service.PrivateFiles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Coffer: the composition root that wires stores, services and both front ends. */
public final class CofferServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CofferServer.class);

  private final ServerConfig config;
  private final MetadataStore metadata;
  private final S3Frontend s3Frontend;
  private final HttpServer s3Server;
  private final HttpServer consoleServer;
  private final Startup startup;
  private volatile boolean closed;

  private CofferServer(ServerConfig config) throws IOException, InterruptedException {
    this.config = config;
    Path dataDir = config.dataDir().toAbsolutePath();
    Path internal = dataDir.resolve(".coffer");
    PrivateFiles.createDirectory(dataDir);
    PrivateFiles.createDirectory(internal);
    Clock clock = Clock.systemUTC();

    this.metadata = SqliteMetadataStore.open(internal.resolve("metadata.db"), config.syncWrites());
    PrivateFiles.restrict(internal.resolve("metadata.db"));
    FileBlobStore blobs = new FileBlobStore(dataDir, internal.resolve("tmp"), config.syncWrites());
    Set<String> referenced = new HashSet<>();
    metadata.forEachReferencedBlob(referenced::add);
    int removed = blobs.collectGarbage(referenced::contains);
    if (removed > 0) {
      log.info("start-up clean-up removed {} unreferenced or temporary files", removed);
    }

    CredentialService credentials = new CredentialService(metadata, clock);
    BucketService buckets = new BucketService(metadata, blobs, clock, config.region());
    ObjectService objects =
        new ObjectService(metadata, blobs, buckets, clock, config.maxObjectSize(), config.inlineThreshold());
    MultipartService multipart = new MultipartService(metadata, blobs, buckets, objects, clock);
    CopyService copies = new CopyService(buckets, objects, multipart, clock);

    this.startup = Startup.prepare(config, credentials, internal);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    S3Dispatcher dispatcher =
        new S3Dispatcher(
            new BucketHandler(buckets),
            new ObjectHandler(objects),
            new ListingHandler(objects),
            new MultipartHandler(multipart),
            new CopyHandler(copies),
            new DeleteObjectsHandler(buckets, objects));
    SigV4Verifier verifier = new SigV4Verifier(config.region(), credentials::findByAccessKey, clock);
    this.s3Frontend =
        new S3Frontend(verifier, dispatcher, config.domain(), (auth, bucket, key, method) -> {}, registry);
    HttpLimits limits =
        new HttpLimits(
            config.maxHeaderSize(), 16 * 1024, config.readTimeout(), config.idleTimeout(), config.maxConnections());
    this.s3Server =
        HttpServer.start("s3", config.s3Address().toSocketAddress(), s3Frontend, s3Frontend::malformed, limits);
    AdminFrontend admin = new AdminFrontend(registry, ConsoleAssets.load());
    this.consoleServer =
        HttpServer.start("console", config.consoleAddress().toSocketAddress(), admin, admin::malformed, limits);
    registerGauges(registry);
  }

  private void registerGauges(PrometheusMeterRegistry registry) {
    Gauge.builder("coffer.objects.stored", metadata, m -> statsOf(m).objects())
        .description("Objects stored")
        .register(registry);
    Gauge.builder("coffer.bytes.stored", metadata, m -> statsOf(m).totalStorage())
        .description("Bytes stored")
        .register(registry);
    Gauge.builder("coffer.s3.connections.open", s3Server, HttpServer::openConnections)
        .description("Open connections on the S3 port")
        .register(registry);
  }

  private static Stats statsOf(MetadataStore metadata) {
    return metadata.stats(java.time.Instant.now());
  }

  public static CofferServer start(ServerConfig config) throws IOException, InterruptedException {
    return new CofferServer(config);
  }

  public ServerConfig config() {
    return config;
  }

  public String s3Endpoint() {
    return "http://127.0.0.1:" + s3Server.address().getPort();
  }

  public String consoleEndpoint() {
    return "http://127.0.0.1:" + consoleServer.address().getPort();
  }

  public int s3Port() {
    return s3Server.address().getPort();
  }

  public int consolePort() {
    return consoleServer.address().getPort();
  }

  /** The admin credential ensured or generated at start. */
  public Credential adminCredential() {
    return startup.admin();
  }

  /** What start-up has to tell the operator once (generated keys, endpoints). */
  public Startup startup() {
    return startup;
  }

  /** Stops accepting, drains requests in flight, closes the stores. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    s3Frontend.setReady(false);
    Duration grace = config.shutdownGrace();
    s3Server.shutdown(grace);
    consoleServer.shutdown(Duration.ofSeconds(2));
    metadata.close();
  }
}
