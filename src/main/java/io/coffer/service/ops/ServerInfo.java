package io.coffer.service.ops;

import io.coffer.meta.MetadataStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

/** The server's information for the operations view; the figures are read on each call. */
public final class ServerInfo {
  private final ServerFacts facts;
  private final MetadataStore metadata;
  private final Clock clock;

  public ServerInfo(ServerFacts facts, MetadataStore metadata, Clock clock) {
    this.facts = facts;
    this.metadata = metadata;
    this.clock = clock;
  }

  /** The figures now; a file system that cannot be asked about is a failure of the server. */
  public ServerStatus now() {
    long total;
    long usable;
    try {
      FileStore disk = Files.getFileStore(facts.dataDir());
      total = disk.getTotalSpace();
      usable = disk.getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data directory's file system", e);
    }
    boolean warning = total > 0 && usable * 100.0 / total < facts.diskFreeWarningPercent();
    Duration uptime = Duration.between(facts.startedAt(), clock.instant());
    return new ServerStatus(
        facts,
        uptime.isNegative() ? Duration.ZERO : uptime,
        total,
        usable,
        warning,
        metadata.databaseSize());
  }
}
