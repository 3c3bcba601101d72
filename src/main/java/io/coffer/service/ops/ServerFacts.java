package io.coffer.service.ops;

import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What does not change while a server runs, for the operations view.
 *
 * @param s3Address the S3 port's configured address (host:port, the port as bound)
 * @param s3Endpoint where clients reach the S3 API (--public-url, or derived from the address)
 * @param tlsEngine "openssl" or "jdk" when both ports serve TLS, null on plain HTTP
 * @param metadataStore "sqlite" or "postgresql"
 * @param diskFreeWarningPercent below this share of the data directory's file system free, the
 *     console warns (--disk-free-warning-percent)
 */
public record ServerFacts(
    String version,
    Instant startedAt,
    Path dataDir,
    String region,
    String s3Address,
    String s3Endpoint,
    String consoleAddress,
    @Nullable String tlsEngine,
    String nodeId,
    String metadataStore,
    int diskFreeWarningPercent) {}
