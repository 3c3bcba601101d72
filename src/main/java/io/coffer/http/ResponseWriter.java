package io.coffer.http;

import io.coffer.model.RequestIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a handler on the request's virtual thread and writes its response. Streamed bodies wait for
 * the socket to drain before writing more, so a slow reader never makes the server buffer a whole
 * object.
 */
final class ResponseWriter {
  private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);
  private static final int STREAM_CHUNK = 64 * 1024;

  /** Body bytes still unread after which closing the connection beats draining it. */
  private static final long MAX_DRAIN = 1024 * 1024;

  private final ChannelHandlerContext ctx;
  private final ConnectionHandler.Exchange exchange;
  private final BiConsumer<ConnectionHandler.Exchange, Boolean> onSent;
  private final boolean zeroCopy;

  /**
   * @param zeroCopy whether files may be sent as file regions (sendfile); not over TLS, where every
   *     byte goes through the engine
   */
  ResponseWriter(
      ChannelHandlerContext ctx,
      ConnectionHandler.Exchange exchange,
      BiConsumer<ConnectionHandler.Exchange, Boolean> onSent,
      boolean zeroCopy) {
    this.zeroCopy = zeroCopy;
    this.ctx = ctx;
    this.exchange = exchange;
    this.onSent = onSent;
  }

  void run(HttpHandler handler, HttpRequest request) {
    HttpResponse response;
    try {
      response = handler.handle(request);
    } catch (Throwable t) {
      response = unhandled(request, t);
    }
    send(response);
  }

  /**
   * Front ends render their own errors; reaching this is a bug in one of them. The 500 carries the
   * ID the log has it under, as a front end's own 500s do.
   */
  static HttpResponse unhandled(HttpRequest request, Throwable t) {
    String requestId = RequestIds.random();
    log.error(
        "request {} ({} {}) failed outside its front end's error handling",
        requestId,
        request.method(),
        request.rawPath(),
        t);
    return new HttpResponse(500).header("x-amz-request-id", requestId);
  }

  /**
   * Writes a response. Only one whose body is in memory ({@link #sendsWithoutBlocking}) may be sent
   * from the event loop: streamed bodies wait for the socket to drain.
   */
  void send(HttpResponse response) {
    try {
      write(response);
    } catch (Throwable t) {
      log.debug("response not completed: {}", t.toString());
      response.body().release();
      ctx.channel().eventLoop().execute(() -> onSent.accept(exchange, false));
    }
  }

  static boolean sendsWithoutBlocking(HttpResponse response) {
    return response.isHeadOnly() || response.body() instanceof HttpResponse.Body.Bytes;
  }

  private void write(HttpResponse response) throws IOException {
    exchange.keepAlive = exchange.keepAlive && canReuseConnection();
    HttpResponse.Body body = response.body();
    HttpResponseStatus status = HttpResponseStatus.valueOf(response.status());
    boolean noContent =
        response.status() == 204 || response.status() == 304 || response.status() < 200;
    boolean sendBody = !response.isHeadOnly() && !noContent;

    DefaultHttpResponse head;
    if (body instanceof HttpResponse.Body.Bytes bytes) {
      head =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              status,
              sendBody ? Unpooled.wrappedBuffer(bytes.bytes()) : Unpooled.EMPTY_BUFFER);
    } else {
      head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
    }
    HttpHeaders headers = head.headers();
    for (String[] header : response.headers()) {
      headers.add(header[0], header[1]);
    }
    if (!noContent) {
      if (body.length() >= 0) {
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length());
      } else if (sendBody) {
        headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }
    if (!exchange.keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }

    if (head instanceof DefaultFullHttpResponse || !sendBody) {
      ChannelFuture last =
          head instanceof DefaultFullHttpResponse ? ctx.writeAndFlush(head) : writeHeadOnly(head);
      finishWhenDone(last, body);
      return;
    }
    boolean corked = body instanceof HttpResponse.Body.FileSlices && zeroCopy && cork();
    ctx.write(head);
    switch (body) {
      case HttpResponse.Body.Stream stream -> writeStream(stream.stream(), stream.length());
      case HttpResponse.Body.FileSlices files -> writeFiles(files);
      case HttpResponse.Body.Bytes ignored -> throw new IllegalStateException("unreachable");
    }
    ChannelFuture last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    if (corked) {
      last.addListener(f -> uncork());
    }
    finishWhenDone(last, body);
  }

  /**
   * Holds back partial segments while the head and the files go out with sendfile, as nginx's
   * {@code tcp_nopush} does. With TCP_NODELAY alone every sendfile call that filled the socket
   * ended in a short segment of its own: a 64 MiB GET took 2,259–2,401 segments over loopback,
   * 1,600–1,602 corked (nginx: 1,566); get-large gained 1.07–1.18× in A/B runs (docs/benchmarks.md,
   * cork).
   */
  private boolean cork() {
    if (ctx.channel() instanceof EpollSocketChannel epoll) {
      epoll.config().setTcpCork(true);
      return true;
    }
    return false;
  }

  /** Sends what the cork held back; the next response on the connection goes out unheld. */
  private void uncork() {
    if (ctx.channel() instanceof EpollSocketChannel epoll && epoll.isOpen()) {
      try {
        epoll.config().setTcpCork(false);
      } catch (ChannelException closedMeanwhile) {
        // nothing is left to send on a connection that is gone
      }
    }
  }

  private ChannelFuture writeHeadOnly(DefaultHttpResponse head) {
    ctx.write(head);
    return ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
  }

  private void writeStream(InputStream in, long length) throws IOException {
    long sent = 0;
    while (true) {
      ByteBuf buf = ctx.alloc().buffer(STREAM_CHUNK);
      int n;
      try {
        n = buf.writeBytes(in, STREAM_CHUNK);
      } catch (IOException | RuntimeException e) {
        buf.release();
        throw e;
      }
      if (n < 0) {
        buf.release();
        break;
      }
      if (n == 0) {
        buf.release();
        continue;
      }
      sent += n;
      ChannelFuture written = ctx.writeAndFlush(new DefaultHttpContent(buf));
      awaitDrainIfNeeded(written);
    }
    if (length >= 0 && sent != length) {
      throw new IOException("body stream ended after " + sent + " of " + length + " bytes");
    }
  }

  private void writeFiles(HttpResponse.Body.FileSlices files) throws IOException {
    for (HttpResponse.FileSlice slice : files.slices()) {
      if (slice.count() == 0) {
        continue;
      }
      if (!zeroCopy) {
        copyFile(slice);
        continue;
      }
      // Netty closes the channel once the region is sent (or the connection fails).
      DefaultFileRegion region =
          new DefaultFileRegion(slice.opener().open(), slice.position(), slice.count());
      ChannelFuture written = ctx.writeAndFlush(region);
      awaitDrainIfNeeded(written);
    }
  }

  /** A file slice read into buffers on this (virtual) thread, for the TLS engine to encrypt. */
  private void copyFile(HttpResponse.FileSlice slice) throws IOException {
    try (FileChannel file = slice.opener().open()) {
      long position = slice.position();
      long end = position + slice.count();
      while (position < end) {
        int want = (int) Math.min(STREAM_CHUNK, end - position);
        ByteBuf buf = ctx.alloc().buffer(want);
        int n;
        try {
          n = buf.writeBytes(file, position, want);
        } catch (IOException | RuntimeException e) {
          buf.release();
          throw e;
        }
        if (n <= 0) {
          buf.release();
          throw new IOException("file ended " + (end - position) + " bytes early");
        }
        position += n;
        awaitDrainIfNeeded(ctx.writeAndFlush(new DefaultHttpContent(buf)));
      }
    }
  }

  private void awaitDrainIfNeeded(ChannelFuture written) throws IOException {
    if (!ctx.channel().isWritable() || written.isDone()) {
      written.awaitUninterruptibly();
      if (!written.isSuccess()) {
        throw new IOException("write failed", written.cause());
      }
    }
  }

  private void finishWhenDone(ChannelFuture last, HttpResponse.Body body) {
    last.addListener(
        f -> {
          body.release();
          onSent.accept(exchange, f.isSuccess());
        });
  }

  /**
   * A connection can serve the next request only if this request's body will have been read to its
   * end: a client still holding back a body it announced with Expect: 100-continue, a body that
   * failed (timed out), or a large unread rest, means closing is cheaper and safer than draining.
   */
  private boolean canReuseConnection() {
    RequestBody body = exchange.body;
    if (body.isEnded()) {
      return true;
    }
    if (body.isContinuePending() || body.hasFailed()) {
      return false;
    }
    long declared = body.declaredLength();
    return declared >= 0 && declared - body.bytesReceived() <= MAX_DRAIN;
  }
}
