package io.coffer.http;

import io.coffer.http.tls.ServerTls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 listener, plain or over TLS: Netty for I/O (epoll where available), one virtual
 * thread per request. Netty does not leak out of this package.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private final String name;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final ExecutorService requestExecutor;
  private final ServerState state;
  private final Channel serverChannel;

  @SuppressWarnings("NullAway.Init") // set before the server binds
  private volatile HttpHandler handler;

  @SuppressWarnings("NullAway.Init")
  private volatile MalformedRequestRenderer malformedRenderer;

  private HttpServer(
      String name, InetSocketAddress address, HttpLimits limits, @Nullable ServerTls tls)
      throws InterruptedException, ListenException {
    this.name = name;
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    this.bossGroup = new MultiThreadIoEventLoopGroup(1, io);
    this.workerGroup = new MultiThreadIoEventLoopGroup(0, io);
    this.requestExecutor =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name(name + "-request-", 0).factory());
    this.state = new ServerState(limits.maxConnections());
    HttpDecoderConfig decoderConfig =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(limits.maxInitialLineLength())
            .setMaxHeaderSize(limits.maxHeaderSize())
            .setMaxChunkSize(256 * 1024);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            // Bound but not accepting until serve(): the port is claimed before start-up does
            // anything else, and connections wait in the backlog until the handler is ready.
            .option(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(
                            new IdleStateHandler(
                                true,
                                seconds(limits.readTimeout()),
                                seconds(limits.idleTimeout()),
                                0,
                                TimeUnit.SECONDS));
                    if (tls != null) {
                      // Becomes the SslHandler once the client's hello has named its host.
                      channel.pipeline().addLast(tls.newHandler());
                    }
                    channel
                        .pipeline()
                        .addLast(new HttpServerCodec(decoderConfig))
                        .addLast(
                            new ConnectionHandler(
                                handler,
                                malformedRenderer,
                                requestExecutor,
                                state,
                                limits.readTimeout(),
                                limits.bodyTimeout(),
                                tls != null));
                  }
                });
    Channel bound;
    try {
      bound = bootstrap.bind(address).sync().channel();
    } catch (
        Exception e) { // Netty rethrows the bind failure (BindException or a native IOException)
      bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      requestExecutor.shutdownNow();
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new ListenException(address, e);
    }
    this.serverChannel = bound;
    log.debug(
        "{} bound to {} ({}{})",
        name,
        serverChannel.localAddress(),
        epoll ? "epoll" : "nio",
        tls == null ? "" : ", TLS " + tls.engine());
  }

  /**
   * Binds the port without accepting connections yet (clients that connect wait in the backlog);
   * {@link #serve} starts accepting. Port 0 picks a free port (see {@link #address()}).
   */
  public static HttpServer bind(String name, InetSocketAddress address, HttpLimits limits)
      throws InterruptedException, ListenException {
    return new HttpServer(name, address, limits, null);
  }

  /** As {@link #bind(String, InetSocketAddress, HttpLimits)}, serving HTTPS with {@code tls}. */
  public static HttpServer bind(
      String name, InetSocketAddress address, HttpLimits limits, @Nullable ServerTls tls)
      throws InterruptedException, ListenException {
    return new HttpServer(name, address, limits, tls);
  }

  /** Starts accepting connections and answering them with {@code handler}. */
  public void serve(HttpHandler handler, MalformedRequestRenderer malformedRenderer) {
    this.handler = handler;
    this.malformedRenderer = malformedRenderer;
    serverChannel.config().setAutoRead(true);
    log.debug("{} serving on {}", name, serverChannel.localAddress());
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public int openConnections() {
    return state.openConnections();
  }

  public int idleConnections() {
    return state.idleConnections();
  }

  /**
   * Stops accepting connections, lets requests in flight finish (up to {@code grace}), then closes
   * every connection.
   */
  public void shutdown(Duration grace) {
    serverChannel.close().awaitUninterruptibly();
    try {
      if (!state.awaitDrained(System.nanoTime() + grace.toNanos())) {
        log.warn("{}: requests still in flight after {}s; closing them", name, grace.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    state.closeAll();
    bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    requestExecutor.shutdownNow();
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(10));
  }

  private static long seconds(Duration d) {
    return Math.max(1, d.toSeconds());
  }
}
