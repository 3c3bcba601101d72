package io.coffer.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * The client's event loops and the connections made from them. A minimal Netty client rather than
 * java.net.http: that client's per-request futures, header maps and selector hand-offs cost more
 * CPU than a 4 KiB request costs the server, and on two cores the load generator must not be the
 * bottleneck. One event loop thread by default leaves the other core to the server.
 *
 * <p>An {@code https://} endpoint gets TLS 1.2/1.3 with the host name verified, through OpenSSL
 * (netty-tcnative) when it is on the class path, else the JDK's engine: the cheaper engine keeps
 * the client's share of the two cores as small as it can be.
 */
final class Connections implements AutoCloseable {
  private final EventLoopGroup group;
  private final Bootstrap template;
  private final Endpoint endpoint;
  private final @Nullable SslContext tls;

  Connections(Endpoint endpoint, int threads, @Nullable Path caCert) {
    this.endpoint = endpoint;
    this.tls = endpoint.secure() ? clientContext(caCert) : null;
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(threads, new DaemonThreads(), io);
    this.template =
        new Bootstrap()
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
  }

  /** A new connection, opened on its first request, on the next event loop in turn. */
  Connection open() {
    EventLoop loop = group.next();
    return new Connection(template, loop, endpoint.host(), endpoint.port(), tls);
  }

  /** The TLS engine in use ({@code OPENSSL} or {@code JDK}), for the log. */
  String tlsEngine() {
    return tls == null ? "none" : SslContext.defaultClientProvider().name();
  }

  private static SslContext clientContext(@Nullable Path caCert) {
    try {
      SslContextBuilder builder =
          SslContextBuilder.forClient()
              .sslProvider(SslContext.defaultClientProvider())
              .protocols("TLSv1.3", "TLSv1.2")
              .endpointIdentificationAlgorithm("HTTPS");
      if (caCert != null) {
        builder.trustManager(caCert.toFile());
      }
      return builder.build();
    } catch (SSLException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException("cannot read " + caCert, e));
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Daemon threads, so an interrupted run never keeps the JVM alive. */
  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private int next;

    @Override
    public synchronized Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "bench-io-" + next++);
      thread.setDaemon(true);
      return thread;
    }
  }
}
