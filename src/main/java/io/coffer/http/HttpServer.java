package io.coffer.http;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 listener: Netty for I/O (epoll where available), one virtual thread per request.
 * Netty does not leak out of this package.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private final String name;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final ExecutorService requestExecutor;
  private final ServerState state;
  private final Channel serverChannel;

  private HttpServer(
      String name,
      InetSocketAddress address,
      HttpHandler handler,
      MalformedRequestRenderer malformedRenderer,
      HttpLimits limits)
      throws InterruptedException {
    this.name = name;
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    this.bossGroup = new MultiThreadIoEventLoopGroup(1, io);
    this.workerGroup = new MultiThreadIoEventLoopGroup(0, io);
    this.requestExecutor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-request-", 0).factory());
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
                                TimeUnit.SECONDS))
                        .addLast(new HttpServerCodec(decoderConfig))
                        .addLast(
                            new ConnectionHandler(
                                handler, malformedRenderer, requestExecutor, state, limits.readTimeout()));
                  }
                });
    this.serverChannel = bootstrap.bind(address).sync().channel();
    log.debug("{} listening on {} ({})", name, serverChannel.localAddress(), epoll ? "epoll" : "nio");
  }

  /** Binds and starts serving; port 0 picks a free port (see {@link #address()}). */
  public static HttpServer start(
      String name,
      InetSocketAddress address,
      HttpHandler handler,
      MalformedRequestRenderer malformedRenderer,
      HttpLimits limits)
      throws InterruptedException {
    return new HttpServer(name, address, handler, malformedRenderer, limits);
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
