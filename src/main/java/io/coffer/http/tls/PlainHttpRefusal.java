package io.coffer.http.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * First on a TLS port's connections: a client that speaks plain HTTP to it (an endpoint written
 * {@code http://} by mistake) gets a 400 that says so, as nginx answers, instead of a connection
 * closed without a word. A TLS client passes through: the handler removes itself.
 */
final class PlainHttpRefusal extends ByteToMessageDecoder {
  /** A TLS record header is 5 bytes; fewer tell nothing. */
  private static final int RECORD_HEADER = 5;

  private static final byte[] ANSWER =
      ("HTTP/1.1 400 Bad Request\r\n"
              + "Content-Type: text/plain; charset=utf-8\r\n"
              + "Content-Length: 59\r\n"
              + "Connection: close\r\n\r\n"
              + "This port speaks HTTPS: use https:// in the endpoint URL.\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < RECORD_HEADER) {
      return;
    }
    if (SslHandler.isEncrypted(in, false)) {
      ctx.pipeline().remove(this); // what was read goes on to the TLS handler
      return;
    }
    in.skipBytes(in.readableBytes());
    ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER)).addListener(ChannelFutureListener.CLOSE);
  }
}
