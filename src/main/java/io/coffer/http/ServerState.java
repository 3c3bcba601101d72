package io.coffer.http;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Open connections and requests in flight of one listener, for limits, metrics and draining. */
final class ServerState {
  private final int maxConnections;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  // The group drops a channel by itself as soon as it closes, before channelInactive runs, so it
  // cannot tell release() whether the channel was counted; this set can.
  private final Set<Channel> counted = ConcurrentHashMap.newKeySet();
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
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      return false;
    }
    counted.add(channel);
    channels.add(channel);
    return true;
  }

  void release(Channel channel) {
    if (counted.remove(channel)) {
      open.decrementAndGet();
    }
  }

  int openConnections() {
    return open.get();
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
