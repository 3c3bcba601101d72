package io.coffer.http;

import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A response: status, headers in order, and a body that is nothing, bytes, a stream of known or
 * unknown length, or slices of files sent without copying them through the JVM.
 */
public final class HttpResponse {
  private final int status;
  private final List<String[]> headers = new ArrayList<>();
  private Body body = Body.EMPTY;
  private boolean headOnly;

  public HttpResponse(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  public HttpResponse header(String name, @Nullable String value) {
    if (value != null) {
      headers.add(new String[] {name, value});
    }
    return this;
  }

  public HttpResponse header(String name, long value) {
    return header(name, Long.toString(value));
  }

  public List<String[]> headers() {
    return headers;
  }

  public @Nullable String headerValue(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  public Body body() {
    return body;
  }

  public HttpResponse body(Body body) {
    this.body = body;
    return this;
  }

  public HttpResponse body(byte[] bytes, String contentType) {
    header("Content-Type", contentType);
    return body(new Body.Bytes(bytes));
  }

  /** Sends the headers of {@code body} (its Content-Length) but not its bytes, as HEAD requires. */
  public HttpResponse headOnly() {
    this.headOnly = true;
    return this;
  }

  public boolean isHeadOnly() {
    return headOnly;
  }

  /** The body of a response. */
  public sealed interface Body {
    Body EMPTY = new Bytes(new byte[0]);

    /** Length in bytes, or -1 when unknown (then sent chunked). */
    long length();

    /** Called once when the response is done, sent or not. */
    default void release() {}

    record Bytes(byte[] bytes) implements Body {
      @Override
      public long length() {
        return bytes.length;
      }
    }

    /** A stream of the given length (-1: unknown); closed after sending. */
    record Stream(InputStream stream, long length) implements Body {
      @Override
      public void release() {
        try {
          stream.close();
        } catch (Exception ignored) {
          // the response is over either way
        }
      }
    }

    /**
     * Slices of open files sent with zero copy where the transport allows; {@code onDone} releases
     * them once sent (or once the connection fails).
     */
    record FileSlices(List<FileSlice> slices, long length, Runnable onDone) implements Body {
      @Override
      public void release() {
        onDone.run();
      }
    }
  }

  /**
   * A range of a file, opened only when it is its turn to be sent (an object of 10,000 parts never
   * holds 10,000 open files); the channel is closed once sent.
   */
  public record FileSlice(ChannelOpener opener, long position, long count) {}

  /** Opens the file of a slice. */
  @FunctionalInterface
  public interface ChannelOpener {
    FileChannel open() throws java.io.IOException;
  }
}
