package io.coffer.http;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections and requests in flight of one listener, for limits, metrics and draining.
 *
 * <p>At the connection limit, a new connection evicts the connection that has been idle (between
 * requests, or still sending a request head) the longest, if there is one: a flood of idle
 * connections must not lock out real clients and health checks. Connections in the middle of a
 * request are never evicted.
 */
final class ServerState {
  private final int maxConnections;

  /** For closing everything at shutdown; it forgets a channel as soon as it closes. */
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

  /** What {@link #open} counts, forgotten only by {@link #release} (not by the close itself). */
  private final Set<Channel> admitted = ConcurrentHashMap.newKeySet();

  private final Map<Channel, Long> idleSince = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object drained = new Object();

  ServerState(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  int maxConnections() {
    return maxConnections;
  }

  boolean admit(Channel channel) {
    while (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      if (!evictLongestIdle()) {
        return false;
      }
    }
    admitted.add(channel);
    channels.add(channel);
    idle(channel);
    return true;
  }

  private boolean evictLongestIdle() {
    Channel victim = null;
    long oldest = Long.MAX_VALUE;
    for (Map.Entry<Channel, Long> e : idleSince.entrySet()) {
      if (e.getValue() < oldest) {
        oldest = e.getValue();
        victim = e.getKey();
      }
    }
    if (victim == null || idleSince.remove(victim) == null) {
      return victim != null; // another admit took it: look again
    }
    release(victim);
    victim.close();
    return true;
  }

  /** The connection waits for (or is receiving the head of) its next request. */
  void idle(Channel channel) {
    if (admitted.contains(channel)) {
      idleSince.put(channel, System.nanoTime());
    }
  }

  /** The connection is serving a request. */
  void busy(Channel channel) {
    idleSince.remove(channel);
  }

  void release(Channel channel) {
    idleSince.remove(channel);
    if (admitted.remove(channel)) {
      open.decrementAndGet();
    }
  }

  int openConnections() {
    return open.get();
  }

  /** Connections waiting for (or receiving the head of) a request: the ones eviction may close. */
  int idleConnections() {
    return idleSince.size();
  }

  void requestStarted() {
    inFlight.incrementAndGet();
  }

  void requestFinished() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  /** Waits until no request is in flight or the deadline passes; true if drained. */
  boolean awaitDrained(long deadlineNanos) throws InterruptedException {
    synchronized (drained) {
      while (inFlight.get() > 0) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        drained.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  void closeAll() {
    channels.close().awaitUninterruptibly();
  }
}
