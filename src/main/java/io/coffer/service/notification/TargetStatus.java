package io.coffer.service.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How delivery to one target is going, as the management API and the console show it.
 *
 * @param state {@code online} (the last attempt succeeded), {@code offline} (it failed; retrying
 *     with back-off), {@code idle} (nothing sent since start) or {@code standby} (this node does
 *     not deliver: with several nodes, the one holding the delivery lease does)
 * @param lastError the last failure's message (never containing a secret), or null
 * @param lastErrorAt when it happened, or null
 * @param queued events waiting in the durable queue
 * @param delivered events delivered since start
 * @param failedAttempts failed attempts since start
 * @param dropped events dropped because the queue was full, since the target was created
 * @param oldestQueued when the oldest waiting event happened, or null
 */
public record TargetStatus(
    String state,
    @Nullable String lastError,
    @Nullable Instant lastErrorAt,
    long queued,
    long delivered,
    long failedAttempts,
    long dropped,
    @Nullable Instant oldestQueued) {}
