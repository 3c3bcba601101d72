package io.coffer.service.ops;

import java.time.Duration;

/**
 * The server's facts with its figures now.
 *
 * @param diskTotal the size of the file system holding the data directory, in bytes
 * @param diskUsable the bytes of it this server may still write (what the JVM calls usable space)
 * @param diskWarning whether the usable share is below {@link ServerFacts#diskFreeWarningPercent}
 * @param metadataBytes how much the metadata takes in its store ({@link
 *     io.coffer.meta.MetadataStore#databaseSize})
 */
public record ServerStatus(
    ServerFacts facts,
    Duration uptime,
    long diskTotal,
    long diskUsable,
    boolean diskWarning,
    long metadataBytes) {}
