package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A target's durable queue.
 *
 * @param queued events waiting for delivery
 * @param dropped events never queued because the queue was full, since the target was created
 * @param oldestQueued when the oldest waiting event happened, or null when none waits
 */
public record OutboxStats(long queued, long dropped, @Nullable Instant oldestQueued) {}
