package io.coffer.meta.sqlite;

import io.coffer.model.ObjectEvent;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the writer thread needs to know about reporting events, set from any thread: the live
 * listener (see MetadataStore#setEventListener) and how many events a target's queue holds.
 */
final class EventOptions {
  /** The default bound of a target's queue, as the server's own default. */
  static final long DEFAULT_OUTBOX_LIMIT = 100_000;

  volatile @Nullable Consumer<ObjectEvent> listener;
  volatile long outboxLimit = DEFAULT_OUTBOX_LIMIT;
}
