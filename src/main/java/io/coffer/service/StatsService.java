package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.Stats;
import java.time.Clock;

/** System-wide counters for the management API, read from the store's counters, never a scan. */
public final class StatsService {
  private final MetadataStore store;
  private final Clock clock;

  public StatsService(MetadataStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Stats current() {
    return store.stats(clock.instant());
  }
}
