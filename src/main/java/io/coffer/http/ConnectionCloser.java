package io.coffer.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a connection on time and politely. Each request head must arrive complete within the read
 * timeout (a client trickling header bytes — slowloris — is cut off even though it is never
 * silent). A connection closed after an error response is half-closed first and drained for a
 * moment, so a client still sending its body reads the response instead of a connection reset. Runs
 * on the channel's event loop.
 */
final class ConnectionCloser {
  private static final Logger log = LoggerFactory.getLogger(ConnectionCloser.class);
  private static final long DRAIN_MILLIS = 2000;

  private final ChannelHandlerContext ctx;
  private final Duration headTimeout;
  private @Nullable ScheduledFuture<?> headDeadline;
  private boolean draining;

  ConnectionCloser(ChannelHandlerContext ctx, Duration headTimeout) {
    this.ctx = ctx;
    this.headTimeout = headTimeout;
  }

  /** The connection waits for the next request head, which must arrive within the timeout. */
  void awaitingRequest() {
    cancelDeadline();
    headDeadline =
        ctx.executor()
            .schedule(
                () -> {
                  log.debug(
                      "closing {}: no complete request head within {}",
                      ctx.channel().remoteAddress(),
                      headTimeout);
                  ctx.close();
                },
                headTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  /** A request head arrived. */
  void requestArrived() {
    cancelDeadline();
  }

  /** Whether input is only being read to be dropped before the close. */
  boolean draining() {
    return draining;
  }

  /**
   * Closes after the response that was just flushed: shuts the output down, then reads and drops
   * whatever the client still sends until it closes or the drain period ends.
   */
  void closeAfterResponse() {
    cancelDeadline();
    if (draining) {
      return;
    }
    if (!(ctx.channel() instanceof DuplexChannel duplex) || !ctx.channel().isActive()) {
      ctx.close();
      return;
    }
    draining = true;
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    if (ssl != null) {
      // TLS ends with close_notify, so the client knows the response was not cut short.
      ssl.closeOutbound().addListener(f -> shutdownOutput(duplex));
    } else {
      shutdownOutput(duplex);
    }
  }

  private void shutdownOutput(DuplexChannel duplex) {
    duplex
        .shutdownOutput()
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                ctx.close();
                return;
              }
              ctx.executor().schedule(() -> ctx.close(), DRAIN_MILLIS, TimeUnit.MILLISECONDS);
              ctx.read();
            });
  }

  void connectionClosed() {
    cancelDeadline();
  }

  private void cancelDeadline() {
    if (headDeadline != null) {
      headDeadline.cancel(false);
      headDeadline = null;
    }
  }
}
