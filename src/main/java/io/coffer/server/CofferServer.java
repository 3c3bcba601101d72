package io.coffer.server;

import io.coffer.admin.AdminFrontend;
import io.coffer.admin.api.ManagementApi;
import io.coffer.admin.api.ManagementServices;
import io.coffer.admin.console.ConsoleAssets;
import io.coffer.admin.session.ConsoleSessions;
import io.coffer.blob.fs.FileBlobStore;
import io.coffer.config.HostPort;
import io.coffer.config.ServerConfig;
import io.coffer.crypto.BuiltInKeyService;
import io.coffer.crypto.KeyService;
import io.coffer.http.HttpLimits;
import io.coffer.http.HttpServer;
import io.coffer.http.ListenException;
import io.coffer.http.tls.ServerTls;
import io.coffer.http.tls.TlsSetupException;
import io.coffer.meta.MetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Stats;
import io.coffer.notify.EventSenders;
import io.coffer.s3.S3Frontend;
import io.coffer.s3.auth.PostFormSignature;
import io.coffer.s3.auth.SigV4Signer;
import io.coffer.s3.auth.SigV4Verifier;
import io.coffer.s3.handler.AccessControlHandler;
import io.coffer.s3.handler.BucketHandler;
import io.coffer.s3.handler.CopyHandler;
import io.coffer.s3.handler.CorsHandler;
import io.coffer.s3.handler.DeleteObjectsHandler;
import io.coffer.s3.handler.EncryptionHandler;
import io.coffer.s3.handler.LifecycleHandler;
import io.coffer.s3.handler.ListenHandler;
import io.coffer.s3.handler.ListingHandler;
import io.coffer.s3.handler.MultipartHandler;
import io.coffer.s3.handler.NotificationHandler;
import io.coffer.s3.handler.ObjectAttributesHandler;
import io.coffer.s3.handler.ObjectHandler;
import io.coffer.s3.handler.ObjectLockHandler;
import io.coffer.s3.handler.PostObjectHandler;
import io.coffer.s3.handler.S3Dispatcher;
import io.coffer.s3.handler.TaggingHandler;
import io.coffer.s3.handler.VersioningHandler;
import io.coffer.service.Access;
import io.coffer.service.AclService;
import io.coffer.service.AnonymousAccessService;
import io.coffer.service.BucketAccessService;
import io.coffer.service.BucketService;
import io.coffer.service.CopyService;
import io.coffer.service.CorsService;
import io.coffer.service.CredentialService;
import io.coffer.service.EncryptionService;
import io.coffer.service.ExistingObjectTags;
import io.coffer.service.IdentityService;
import io.coffer.service.LifecycleService;
import io.coffer.service.MultipartService;
import io.coffer.service.ObjectAttributesService;
import io.coffer.service.ObjectLockService;
import io.coffer.service.ObjectService;
import io.coffer.service.PresignedPostService;
import io.coffer.service.PresignedUrlService;
import io.coffer.service.StatsService;
import io.coffer.service.TaggingService;
import io.coffer.service.cluster.BlobCleanup;
import io.coffer.service.cluster.LeasedWork;
import io.coffer.service.lifecycle.LifecyclePreview;
import io.coffer.service.lifecycle.LifecycleSettings;
import io.coffer.service.lifecycle.LifecycleWorker;
import io.coffer.service.lifecycle.ObjectExpiry;
import io.coffer.service.notification.BucketNotificationService;
import io.coffer.service.notification.DeliverySettings;
import io.coffer.service.notification.EventDelivery;
import io.coffer.service.notification.LiveEvents;
import io.coffer.service.notification.NotificationTargetService;
import io.coffer.service.ops.Operations;
import io.coffer.service.ops.RequestHistory;
import io.coffer.service.ops.RequestTrace;
import io.coffer.service.ops.ServerFacts;
import io.coffer.service.ops.ServerInfo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A running Coffer: the composition root that wires stores, services and both front ends. */
public final class CofferServer implements AutoCloseable {

  private final ServerConfig config;
  private final MetadataStore metadata;
  private final FileBlobStore blobs;
  private final CredentialService credentials;
  private final S3Frontend s3Frontend;
  private final HttpServer s3Server;
  private final HttpServer consoleServer;
  private final ManagementApi managementApi;
  private final Startup startup;
  private final Runnable unlock;
  private final String nodeId;
  private final List<LeasedWork> leasedWork = new ArrayList<>();
  private final LifecycleWorker lifecycle;
  private final EventDelivery delivery;
  private final LiveEvents liveEvents;
  private final @Nullable ServerTls tls;
  private final Runnable stopRuntimeMeters;
  private final RequestTrace trace = new RequestTrace();
  private volatile boolean closed;

  /**
   * Order matters. The data directory's lock comes before anything touches the directory (another
   * server's start-up clean-up would delete this one's temporary files). The ports are bound before
   * any secret is generated, so a port in use fails before a key is stored that nobody has seen.
   * They accept connections only once everything is ready, the console first, so a ready S3 port
   * means a serving console port. What is opened goes onto {@code opened}, for {@link #start} to
   * close if a later step fails.
   */
  private CofferServer(ServerConfig config, Deque<AutoCloseable> opened)
      throws IOException, InterruptedException {
    this.config = config;
    Instant startedAt = Instant.now();
    if (config.publicUrl() != null) {
      PublicEndpoint.normalise(config.publicUrl()); // fail at start, not at the first presigned URL
    }
    Path dataDir = config.dataDir().toAbsolutePath();
    Path internal = dataDir.resolve(".coffer");
    boolean nodes = config.metadata().postgres();
    // SQLite: the one server's lock, at once. Several nodes: each node's own lock, which needs the
    // node ID, which may need the bound S3 port; binding touches nothing in the directory.
    DataDirectoryLock singleLock = null;
    if (!nodes) {
      DataDirectoryLock held = DataDirectoryLock.acquire(dataDir);
      opened.push(held);
      singleLock = held;
      NodeLock.refuseSingleServer(dataDir);
    }
    HttpLimits limits =
        new HttpLimits(
            config.maxHeaderSize(),
            16 * 1024,
            config.readTimeout(),
            config.idleTimeout(),
            config.maxConnections(),
            config.bodyTimeout());
    // Before the ports: a certificate that cannot be used stops the start with its reason.
    this.tls = config.tls().enabled() ? startTls(config) : null;
    if (tls != null) {
      opened.push(tls);
    }
    this.s3Server = bind("s3", "S3 API", config.s3Address(), limits, tls);
    opened.push(() -> s3Server.shutdown(Duration.ZERO));
    this.consoleServer = bind("console", "console", config.consoleAddress(), limits, tls);
    opened.push(() -> consoleServer.shutdown(Duration.ZERO));
    this.nodeId = StorageStartup.nodeId(config, s3Server.address().getPort());
    if (singleLock != null) {
      this.unlock = singleLock::close;
    } else {
      NodeLock held = NodeLock.acquire(dataDir, nodeId);
      opened.push(held);
      this.unlock = held::close;
    }
    // Whole seconds, the precision S3 shows (Last-Modified, listings): every stored time is one
    // clients see, so a listing, a HEAD and a conditional GET agree about the same object.
    Clock clock = Clock.tickSeconds(ZoneOffset.UTC);

    this.metadata = StorageStartup.openMetadata(config, internal, nodeId);
    opened.push(metadata);
    this.blobs = StorageStartup.openBlobs(config, metadata, internal, nodeId);
    opened.push(blobs);

    KeyService keys = new BuiltInKeyService(metadata, dataDir, config.encryption().masterKey());
    IdentityService identities = new IdentityService(metadata, clock);
    this.credentials = new CredentialService(metadata, clock, identities);
    metadata.setChangeListener(credentials::changed); // changes made through other nodes
    BucketService buckets =
        new BucketService(
            metadata,
            blobs,
            clock,
            config.region(),
            ObjectOwnership.fromAwsName(config.defaultObjectOwnership())
                .orElseThrow(() -> new IllegalArgumentException("unknown object ownership")),
            new Access(identities, clock, ExistingObjectTags.stored(metadata)));
    ObjectService objects =
        new ObjectService(
            metadata,
            blobs,
            buckets,
            clock,
            config.maxObjectSize(),
            config.inlineThreshold(),
            keys);
    MultipartService multipart = new MultipartService(metadata, blobs, buckets, objects, clock);
    CopyService copies = new CopyService(buckets, objects, multipart);
    ObjectLockService locks = new ObjectLockService(metadata, buckets, clock);
    PresignedUrlService presignedUrls =
        new PresignedUrlService(metadata, credentials, buckets, this::presign, clock);

    this.lifecycle =
        new LifecycleWorker(
            metadata, blobs, clock, LifecycleSettings.forDay(config.lifecycleDay()));
    opened.push(lifecycle);
    BucketAccessService bucketAccess = new BucketAccessService(metadata, buckets);
    CorsService cors = new CorsService(metadata, buckets);
    EncryptionService encryption = new EncryptionService(metadata, buckets);
    LifecycleService lifecycleRules = new LifecycleService(metadata, buckets);
    TaggingService tagging = new TaggingService(metadata, buckets);
    BucketNotificationService bucketNotifications =
        new BucketNotificationService(metadata, buckets);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Event notifications: the outbox's workers, and the live listeners (ListenBucketNotification),
    // both told of each commit by the store.
    this.delivery =
        new EventDelivery(
            metadata,
            DeliverySettings.defaults(config.region(), config.notificationQueueLimit()),
            EventSenders::open,
            Clock.systemUTC());
    opened.push(delivery);
    this.liveEvents = new LiveEvents(buckets, config.region(), metadata::setListenedBuckets);
    opened.push(liveEvents);
    metadata.setEventListener(
        event -> {
          liveEvents.accept(event);
          delivery.wake();
        });
    SigV4Verifier verifier =
        new SigV4Verifier(config.region(), credentials::findByAccessKey, clock);
    // The operations view: the last hour of S3 requests for its charts, and the live trace.
    RequestHistory history = new RequestHistory();
    S3Dispatcher dispatcher =
        new S3Dispatcher(
            new BucketHandler(buckets),
            new ObjectHandler(objects, buckets, new ObjectExpiry(metadata, lifecycle.evaluator())),
            new ListingHandler(objects),
            new MultipartHandler(multipart, buckets),
            new CopyHandler(copies, buckets),
            new DeleteObjectsHandler(buckets, objects),
            new VersioningHandler(buckets),
            new ObjectLockHandler(buckets, locks),
            new AccessControlHandler(buckets, bucketAccess, new AclService(metadata, buckets)),
            new TaggingHandler(tagging, buckets),
            new CorsHandler(buckets, cors),
            new LifecycleHandler(buckets, lifecycleRules),
            new ObjectAttributesHandler(
                buckets, new ObjectAttributesService(metadata, buckets, objects)),
            new PostObjectHandler(objects, buckets, verifier, clock),
            new EncryptionHandler(buckets, encryption),
            new ListenHandler(liveEvents),
            new NotificationHandler(buckets, bucketNotifications));
    this.s3Frontend =
        new S3Frontend(
            verifier,
            dispatcher,
            config.domain(),
            config.region(),
            (auth, bucket, key, method) ->
                presignedUrls.checkUse(
                    auth.presignedQuery().get(PresignedUrlService.HASH_PARAMETER),
                    Objects.requireNonNull(auth.credential()).id(),
                    bucket,
                    key,
                    method),
            cors,
            registry,
            config.encryption().allowSseCOverHttp(),
            request -> {
              history.completed(request);
              trace.completed(request);
            },
            metadata.cachesObjects());
    ConsoleAssets assets = ConsoleAssets.load();

    // The last step that stores anything: what it generates is shown as soon as start() returns.
    this.startup =
        StartupLease.holding(metadata, nodeId, () -> prepareSecrets(config, credentials, internal));
    this.managementApi =
        new ManagementApi(
            new ManagementServices(
                new StatsService(metadata, clock),
                credentials,
                buckets,
                objects,
                multipart,
                presignedUrls,
                locks,
                copies,
                bucketAccess,
                new AnonymousAccessService(buckets),
                cors,
                encryption,
                lifecycleRules,
                tagging,
                new LifecyclePreview(buckets, metadata, lifecycle.evaluator(), clock),
                new PresignedPostService(
                    credentials,
                    buckets,
                    PostFormSignature::signV4,
                    this::publicEndpoint,
                    config.region(),
                    clock),
                new NotificationTargetService(metadata, delivery, clock),
                bucketNotifications,
                new Operations(
                    new ServerInfo(serverFacts(startedAt), metadata, clock), history, trace)),
            startup.apiKeys(),
            new ConsoleSessions(config.consoleSessions(), clock),
            clock);
    AdminFrontend admin =
        new AdminFrontend(registry, config.metrics().token(), managementApi, assets);
    registerGauges(registry);
    this.stopRuntimeMeters = RuntimeMeters.register(registry, dataDir);
    opened.push(stopRuntimeMeters::run);
    LifecycleMeters.register(registry, lifecycle.metrics());
    NotificationMeters.register(registry, delivery);
    consoleServer.serve(admin, admin::malformed);
    s3Server.serve(s3Frontend, s3Frontend::malformed);
    s3Frontend.setReady(true);
    // Background work runs on one node at a time, under its lease (SQLite: always this one).
    leasedWork.add(lease("lifecycle", LeasedWork.Work.of(lifecycle::start, lifecycle::pause)));
    leasedWork.add(
        lease("notification-delivery", LeasedWork.Work.of(delivery::start, delivery::pause)));
    if (nodes) {
      Duration grace = config.metadata().blobGracePeriod();
      BlobCleanup cleanup =
          new BlobCleanup(metadata, blobs, Clock.systemUTC(), grace, ORPHAN_SWEEP_INTERVAL);
      BackgroundMeters.blobCleanup(registry, cleanup);
      leasedWork.add(lease("blob-clean-up", cleanup));
    }
    BackgroundMeters.leases(registry, leasedWork);
    leasedWork.forEach(LeasedWork::start);
  }

  /** What the operations view shows of this server that does not change while it runs. */
  private ServerFacts serverFacts(Instant startedAt) {
    String version = CofferServer.class.getPackage().getImplementationVersion();
    return new ServerFacts(
        version == null ? "development" : version,
        startedAt,
        config.dataDir().toAbsolutePath(),
        config.region(),
        new HostPort(config.s3Address().host(), s3Port()).toString(),
        publicEndpoint(),
        new HostPort(config.consoleAddress().host(), consolePort()).toString(),
        tlsEngine(),
        nodeId,
        config.metadata().postgres() ? "postgresql" : "sqlite",
        config.diskFreeWarningPercent());
  }

  /** How long a lease lives without renewal: at most this long until another node takes over. */
  static final Duration LEASE_TTL = Duration.ofSeconds(15);

  /** The orphan sweep reads every blob reference: rarely. */
  static final Duration ORPHAN_SWEEP_INTERVAL = Duration.ofHours(6);

  private LeasedWork lease(String name, LeasedWork.Work work) {
    return new LeasedWork(metadata, name, nodeId, LEASE_TTL, work);
  }

  private static Startup prepareSecrets(
      ServerConfig config, CredentialService credentials, Path internal) throws IOException {
    try {
      return Startup.prepare(config, credentials, internal);
    } catch (CofferException e) { // the admin credential from the environment breaks a rule
      throw new StartupException(
          "The admin credential given in the environment is not valid: " + e.getMessage(), e);
    }
  }

  private static ServerTls startTls(ServerConfig config) throws StartupException {
    try {
      return ServerTls.start(config.tls());
    } catch (TlsSetupException e) {
      throw new StartupException("Cannot serve TLS: " + e.getMessage() + ".", e);
    }
  }

  /** Binds a port (not serving yet); a failure is one sentence naming the address and its use. */
  private static HttpServer bind(
      String name, String purpose, HostPort address, HttpLimits limits, @Nullable ServerTls tls)
      throws InterruptedException, StartupException {
    try {
      return HttpServer.bind(name, address.toSocketAddress(), limits, tls);
    } catch (ListenException e) {
      throw new StartupException(
          "Cannot listen on " + address + " for the " + purpose + ": " + e.reason() + ".", e);
    }
  }

  /** Presigns a path-style URL against the public S3 endpoint (see {@link #publicEndpoint}). */
  private String presign(
      String method,
      String bucket,
      String key,
      Map<String, String> extraQueryParams,
      Credential credential,
      Instant now,
      long expiresSeconds) {
    return SigV4Signer.presign(
        method,
        publicEndpoint(),
        bucket,
        key,
        extraQueryParams,
        credential.accessKey(),
        credential.secretKey(),
        config.region(),
        now,
        expiresSeconds);
  }

  /** Where clients reach the S3 API; see {@link PublicEndpoint}. */
  public String publicEndpoint() {
    return PublicEndpoint.of(config, scheme(), s3Server.address().getPort());
  }

  /** The management API's routes as "METHOD /path", for the OpenAPI document's test. */
  public List<String> managementRoutes() {
    return managementApi.routes();
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
    Gauge.builder("coffer.s3.connections.idle", s3Server, HttpServer::idleConnections)
        .description(
            "Connections on the S3 port waiting for a request, which one at the limit may evict")
        .register(registry);
  }

  private static Stats statsOf(MetadataStore metadata) {
    return metadata.stats(java.time.Instant.now());
  }

  /**
   * Starts a server; a failure the operator can fix is a {@link StartupException}. Whatever a
   * failed start had opened (lock, ports, metadata) is closed again.
   */
  public static CofferServer start(ServerConfig config) throws IOException, InterruptedException {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      return new CofferServer(config, opened);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      while (!opened.isEmpty()) {
        try {
          opened.pop().close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  public ServerConfig config() {
    return config;
  }

  public String s3Endpoint() {
    return scheme() + "://127.0.0.1:" + s3Server.address().getPort();
  }

  public String consoleEndpoint() {
    return scheme() + "://127.0.0.1:" + consoleServer.address().getPort();
  }

  /** "https" when both ports serve TLS, else "http". */
  public String scheme() {
    return tls != null ? "https" : "http";
  }

  /** The TLS engine serving both ports ("openssl" or "jdk"), or null on plain HTTP. */
  public @Nullable String tlsEngine() {
    return tls == null ? null : tls.engine();
  }

  /** Checks the certificate files for a change now, as the watcher does at its interval. */
  public void reloadCertificates() {
    if (tls != null) {
      tls.reload();
    }
  }

  public int s3Port() {
    return s3Server.address().getPort();
  }

  public int s3OpenConnections() {
    return s3Server.openConnections();
  }

  public int consolePort() {
    return consoleServer.address().getPort();
  }

  /** The admin credential ensured or generated at start. */
  public @Nullable Credential adminCredential() {
    return startup.admin();
  }

  /** How many clients are listening to live events (ListenBucketNotification) now. */
  public int liveListeners() {
    return liveEvents.listening();
  }

  /** How many clients are watching the live request trace now. */
  public int traceListeners() {
    return trace.listening();
  }

  /** The notification targets' delivery (status, and restarts when a target changes). */
  public EventDelivery delivery() {
    return delivery;
  }

  /** This node's identity (leases, logs, its lock file). */
  public String nodeId() {
    return nodeId;
  }

  /** The S3 credentials this server authenticates against. */
  public CredentialService credentials() {
    return credentials;
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
    liveEvents.close(); // live streams end now instead of holding the shutdown for its grace
    trace.close();
    Duration grace = config.shutdownGrace();
    s3Server.shutdown(grace);
    consoleServer.shutdown(Duration.ofSeconds(2));
    leasedWork.forEach(LeasedWork::close); // stops the work and frees its lease for another node
    lifecycle.close();
    delivery.close();
    metadata.setEventListener(null);
    stopRuntimeMeters.run();
    if (tls != null) {
      tls.close();
    }
    blobs.close();
    metadata.close();
    unlock.run();
  }
}
