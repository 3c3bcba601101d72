package io.coffer.server;

import java.io.IOException;

/**
 * Coffer cannot start (or a command cannot run) for a reason the operator can fix: a port in use, a
 * data directory that cannot be written or that another server holds. The message is one complete
 * sentence, printed as it is without a stack trace.
 */
public final class StartupException extends IOException {
  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
