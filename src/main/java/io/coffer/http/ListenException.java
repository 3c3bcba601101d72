package io.coffer.http;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A port could not be bound: the message names the address and the operating system's reason. */
public final class ListenException extends IOException {
  private final InetSocketAddress address;
  private final String reason;

  ListenException(InetSocketAddress address, Throwable cause) {
    super("cannot listen on " + describe(address) + ": " + reason(cause), cause);
    this.address = address;
    this.reason = reason(cause);
  }

  public InetSocketAddress address() {
    return address;
  }

  /** The operating system's reason in lower case, e.g. "address already in use". */
  public String reason() {
    return reason;
  }

  private static String describe(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /**
   * "address already in use" from "bind(..) failed with error(-98): Address already in use" (epoll)
   * or "Address already in use" (NIO): the OS's words without Netty's prefix.
   */
  static String reason(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    String reason = message.substring(message.lastIndexOf(": ") + 1).strip();
    if (reason.isEmpty()) {
      reason = message.strip();
    }
    return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
  }
}
