package io.coffer.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one connection: one request at a time (a pipelined request waits in the inbox until the
 * previous response is sent), each handled on its own virtual thread unless the handler can answer
 * it at once without waiting (see {@link HttpHandler#handleWithoutBlocking}). The socket is read
 * only on demand (auto-read is off): for the next request, or while the current body wants more
 * bytes. Everything here runs on the channel's event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

  private final HttpHandler handler;
  private final MalformedRequestRenderer malformedRenderer;
  private final Executor executor;
  private final ServerState state;
  private final Duration headTimeout;
  private final Duration bodyTimeout;
  private final boolean tls;
  private final ArrayDeque<Object> inbox = new ArrayDeque<>();

  @SuppressWarnings("NullAway.Init") // set in channelActive, before any other event
  private ChannelHandlerContext ctx;

  @SuppressWarnings("NullAway.Init")
  private ConnectionCloser closer;

  @SuppressWarnings("NullAway.Init")
  private BodyDeadline bodyDeadline;

  private @Nullable Exchange current;

  ConnectionHandler(
      HttpHandler handler,
      MalformedRequestRenderer malformedRenderer,
      Executor executor,
      ServerState state,
      Duration headTimeout,
      Duration bodyTimeout,
      boolean tls) {
    this.tls = tls;
    this.handler = handler;
    this.malformedRenderer = malformedRenderer;
    this.executor = executor;
    this.state = state;
    this.headTimeout = headTimeout;
    this.bodyTimeout = bodyTimeout;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.closer = new ConnectionCloser(ctx, headTimeout);
    this.bodyDeadline = new BodyDeadline(ctx, bodyTimeout);
    if (!state.admit(ctx.channel())) {
      log.debug("connection refused: limit of {} reached", state.maxConnections());
      ctx.close();
      return;
    }
    closer.awaitingRequest();
    ctx.read();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    bodyDeadline.heard();
    if (closer.draining()) {
      ReferenceCountUtil.release(msg);
      return;
    }
    inbox.add(msg);
    drainInbox();
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    readIfWanted();
  }

  /** Asks the socket for more when the next request or the current body is due. */
  void readIfWanted() {
    if (!ctx.channel().isActive()) {
      return;
    }
    if (closer.draining()) {
      ctx.read();
      return;
    }
    if (current == null ? inbox.isEmpty() : current.body.wantsMore() && inbox.isEmpty()) {
      if (current != null && !current.responded && !current.body.isContinuePending()) {
        bodyDeadline.waiting();
      }
      ctx.read();
    }
  }

  private void drainInbox() {
    Object msg;
    while ((msg = inbox.peek()) != null) {
      if (current == null) {
        if (msg instanceof io.netty.handler.codec.http.HttpRequest request) {
          inbox.poll();
          start(request);
          if (current == null) {
            return; // answered with an error and closed
          }
          if (msg instanceof HttpContent content) {
            feed(content);
          }
        } else {
          // body bytes of a request we are no longer reading (after an early response)
          ReferenceCountUtil.release(inbox.poll());
        }
      } else if (!current.body.isEnded() && msg instanceof HttpContent content) {
        inbox.poll();
        feed(content);
      } else {
        return; // the next pipelined request waits until this exchange is over
      }
    }
  }

  private void feed(HttpContent content) {
    Exchange exchange = Objects.requireNonNull(current); // content only comes after a head
    if (content.decoderResult().isFailure()) {
      content.release();
      exchange.body.fail(
          new IOException("malformed request body", content.decoderResult().cause()));
      ctx.close();
      return;
    }
    exchange.body.offer(content.content().retain());
    content.release();
    if (content instanceof LastHttpContent) {
      bodyDeadline.stop();
      exchange.body.end();
      finishIfDone(exchange);
    }
  }

  private void start(io.netty.handler.codec.http.HttpRequest request) {
    closer.requestArrived();
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      ReferenceCountUtil.release(request);
      rejectMalformed(result.cause());
      return;
    }
    boolean expectContinue = HttpUtil.is100ContinueExpected(request);
    long declared =
        HttpUtil.isTransferEncodingChunked(request) ? -1 : HttpUtil.getContentLength(request, -1L);
    boolean hasBody =
        declared != 0 && (declared > 0 || HttpUtil.isTransferEncodingChunked(request));
    Exchange exchange = new Exchange(HttpUtil.isKeepAlive(request));
    exchange.body =
        new RequestBody(
            Math.max(declared, hasBody ? -1 : 0),
            expectContinue && hasBody,
            new RequestBody.Demand() {
              @Override
              public void more() {
                ctx.channel().eventLoop().execute(ConnectionHandler.this::readIfWanted);
              }

              @Override
              public void sendContinue() {
                ctx.writeAndFlush(
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
              }
            });
    String remote =
        ctx.channel().remoteAddress() instanceof InetSocketAddress address
            ? address.getAddress().getHostAddress()
            : String.valueOf(ctx.channel().remoteAddress());
    HttpRequest incoming =
        new HttpRequest(
            request.method().name(),
            request.uri(),
            new RequestHeaders(request.headers()),
            exchange.body,
            remote,
            tlsProtocol());
    current = exchange;
    state.requestStarted();
    state.busy(ctx.channel());
    if (hasBody) {
      bodyDeadline.start(() -> bodySilent(exchange));
    }
    if (expectContinue && !hasBody) {
      // Nothing to hold back, so answer at once: botocore, told "100-continue" and given a final
      // response instead, keeps that status line for every later response on the connection.
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
    ResponseWriter writer = new ResponseWriter(ctx, exchange, this::responseSent, !tls);
    HttpResponse answered = hasBody ? null : answerWithoutBlocking(incoming);
    if (answered == null) {
      executor.execute(() -> writer.run(handler, incoming));
    } else if (ResponseWriter.sendsWithoutBlocking(answered)) {
      writer.send(answered);
    } else {
      executor.execute(() -> writer.send(answered));
    }
  }

  private @Nullable HttpResponse answerWithoutBlocking(HttpRequest incoming) {
    try {
      return handler.handleWithoutBlocking(incoming);
    } catch (Throwable t) {
      return ResponseWriter.unhandled(incoming, t);
    }
  }

  /**
   * The TLS version the connection negotiated ("TLSv1.3"), or null on plain HTTP. A request head
   * only arrives after the handshake, so the session is settled by then.
   */
  private @Nullable String tlsProtocol() {
    if (!tls) {
      return null;
    }
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    return ssl == null ? null : ssl.engine().getSession().getProtocol();
  }

  /** Called on the event loop when the last byte of the response was written (or failed). */
  private void responseSent(Exchange exchange, boolean success) {
    exchange.responded = true;
    bodyDeadline.stop(); // an unread rest that stalls now meets the read timeout
    state.requestFinished();
    if (!success || !exchange.keepAlive) {
      exchange.body.fail(new IOException("connection closed"));
      if (success) {
        closer.closeAfterResponse();
      } else {
        ctx.close();
      }
      return;
    }
    // Whatever the handler left unread is dropped (and its buffers released), whether or not the
    // rest of the body has arrived yet.
    exchange.body.discard();
    finishIfDone(exchange);
  }

  /**
   * The body stopped arriving for the body timeout before the request was answered: its reads fail,
   * the handler answers (the front end says RequestTimeout) and the connection closes after that.
   */
  private void bodySilent(Exchange exchange) {
    if (exchange != current || exchange.responded) {
      return;
    }
    if (exchange.body.timeOut(
        new SocketTimeoutException("no request body bytes for " + bodyTimeout))) {
      log.debug("request body from {} silent for {}", ctx.channel().remoteAddress(), bodyTimeout);
    }
  }

  private void finishIfDone(Exchange exchange) {
    if (exchange == current && exchange.responded && exchange.body.isEnded()) {
      current = null;
      state.idle(ctx.channel());
      closer.awaitingRequest();
      drainInbox();
      readIfWanted();
    }
  }

  private void rejectMalformed(Throwable cause) {
    HttpResponseStatus status = HttpResponseStatus.BAD_REQUEST;
    if (cause instanceof TooLongHttpHeaderException) {
      status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    } else if (cause instanceof TooLongHttpLineException) {
      status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
    } else if (cause instanceof TooLongFrameException) {
      status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
    log.debug("malformed request from {}: {}", ctx.channel().remoteAddress(), cause.toString());
    HttpResponse rendered = malformedRenderer.render(status.code());
    byte[] body =
        rendered.body() instanceof HttpResponse.Body.Bytes bytes ? bytes.bytes() : new byte[0];
    DefaultFullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    for (String[] header : rendered.headers()) {
      response.headers().add(header[0], header[1]);
    }
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(f -> closer.closeAfterResponse());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.READER_IDLE) {
        // Idle between requests, or the unread rest of an answered request's body stalled. A body
        // that stops before its request is answered meets the body timeout instead (BodyDeadline).
        if (current == null || (current.responded && !current.body.isEnded())) {
          close("read timeout");
        }
      } else if (idle.state() == IdleState.WRITER_IDLE && current != null) {
        close("write timeout"); // the client stopped reading the response
      }
    }
  }

  private void close(String why) {
    bodyDeadline.stop();
    log.debug("closing {}: {}", ctx.channel().remoteAddress(), why);
    if (current != null) {
      current.body.fail(new IOException(why));
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    state.release(ctx.channel());
    closer.connectionClosed();
    bodyDeadline.stop();
    if (current != null) {
      current.body.fail(new IOException("connection closed by peer"));
    }
    Object msg;
    while ((msg = inbox.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
    close("connection error");
  }

  /** One request and its response on this connection. */
  static final class Exchange {
    /** Whether the connection survives this exchange; the writer may turn it off. */
    volatile boolean keepAlive;

    @SuppressWarnings("NullAway.Init") // set when the request head arrives
    RequestBody body;

    boolean responded;

    Exchange(boolean keepAlive) {
      this.keepAlive = keepAlive;
    }
  }
}
