package io.coffer.it.tls;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.TestCertificates;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTPS with the jdk engine, an RSA key in TRADITIONAL form. */
class TlsJdkIT extends TlsTransportChecks {
  @RegisterExtension
  static final TlsEngineServer SERVER =
      new TlsEngineServer(TlsSettings.Engine.JDK, "RSA", TestCertificates.KeyFormat.TRADITIONAL);

  @Override
  TlsEngineServer server() {
    return SERVER;
  }
}
