package io.coffer.http.tls;

/**
 * TLS that cannot be set up (a certificate or key file that cannot be used, an engine missing), in
 * one sentence naming the file and what is wrong. Never carries key material.
 */
public final class TlsSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  public TlsSetupException(String message) {
    super(message);
  }

  TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
