package io.coffer.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One keep-alive HTTP/1.1 connection, one request at a time (the benchmark is a closed loop: each
 * worker waits for its response before sending the next). It is pinned to one event loop, where its
 * responses complete and where the worker's next request is issued, so a worker never switches
 * threads. A closed connection is reopened on the next send.
 */
final class Connection implements AutoCloseable {
  private static final int READ_TIMEOUT_SECONDS = 300;

  private final Bootstrap bootstrap;
  private final EventLoop loop;
  private volatile @Nullable Channel channel;
  private volatile @Nullable Exchange exchange;

  Connection(Bootstrap template, EventLoop loop, String host, int port, @Nullable SslContext tls) {
    this.loop = loop;
    this.bootstrap =
        template
            .clone()
            .group(loop)
            .remoteAddress(host, port)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (tls != null) {
                      ch.pipeline().addLast(tls.newHandler(ch.alloc(), host, port));
                    }
                    ch.pipeline()
                        .addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS))
                        // Large content chunks: a 64 MiB GET is then a few hundred messages, not
                        // thousands.
                        .addLast(new HttpClientCodec(4096, 16 * 1024, 1 << 20))
                        .addLast(new ResponseHandler());
                  }
                });
  }

  /** The event loop this connection's responses complete on. */
  EventLoop loop() {
    return loop;
  }

  /**
   * Sends a request and completes with its response; the request's body is released by the write. A
   * response that is not 2xx completes normally; only I/O failures complete exceptionally.
   */
  CompletableFuture<Response> send(FullHttpRequest request, boolean keepBody) {
    Exchange next = new Exchange(keepBody);
    exchange = next;
    Channel current = channel;
    if (current != null && current.isActive()) {
      write(current, request, next);
    } else {
      ChannelFuture connect = bootstrap.connect();
      connect.addListener(
          f -> {
            if (f.isSuccess()) {
              channel = connect.channel();
              write(connect.channel(), request, next);
            } else {
              request.release();
              next.result.completeExceptionally(f.cause());
            }
          });
    }
    return next.result;
  }

  private static void write(Channel ch, FullHttpRequest request, Exchange exchange) {
    ch.writeAndFlush(request)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                exchange.result.completeExceptionally(f.cause());
                ch.close();
              }
            });
  }

  @Override
  public void close() {
    Channel current = channel;
    if (current != null) {
      current.close().syncUninterruptibly();
    }
  }

  /** The state of the request in flight. */
  private static final class Exchange {
    final CompletableFuture<Response> result = new CompletableFuture<>();
    final boolean keepBody;
    int status;
    @Nullable HttpHeaders headers;
    long received;
    @Nullable ByteArrayOutputStream body;

    Exchange(boolean keepBody) {
      this.keepBody = keepBody;
    }
  }

  /** One per channel (a handler instance can only sit in one pipeline). */
  private final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) throws IOException {
      Exchange current = exchange;
      if (current == null || current.result.isDone()) {
        return;
      }
      if (msg instanceof HttpResponse response) {
        current.status = response.status().code();
        current.headers = response.headers();
        // Error bodies are kept too, for the error report.
        if (current.keepBody || current.status / 100 != 2) {
          current.body = new ByteArrayOutputStream();
        }
      }
      if (msg instanceof HttpContent content) {
        ByteBuf data = content.content();
        current.received += data.readableBytes();
        if (current.body != null) {
          data.readBytes(current.body, data.readableBytes());
        }
        if (msg instanceof LastHttpContent) {
          if (current.headers != null
              && current.headers.containsValue(
                  HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
            // The server ends the connection after this response (nginx does after 1000
            // requests): the next request opens a new one instead of racing the close.
            channel = null;
            ctx.close();
          }
          byte[] body = current.body == null ? null : current.body.toByteArray();
          current.result.complete(
              new Response(current.status, current.headers, current.received, body));
        }
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Exchange current = exchange;
      // A connection replaced by a reconnect must not fail the new connection's request.
      if (current != null && ctx.channel() == channel) {
        current.result.completeExceptionally(new IOException("connection closed by the server"));
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Exchange current = exchange;
      if (current != null) {
        current.result.completeExceptionally(cause);
      }
      ctx.close();
    }
  }
}
