package io.coffer.it.tls;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.TestCertificates;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTPS with the openssl engine, an EC key in PKCS8 form. */
class TlsOpenSslIT extends TlsTransportChecks {
  @RegisterExtension
  static final TlsEngineServer SERVER =
      new TlsEngineServer(TlsSettings.Engine.OPENSSL, "EC", TestCertificates.KeyFormat.PKCS8);

  @Override
  TlsEngineServer server() {
    return SERVER;
  }
}
