package io.coffer.it.tls;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTPS with the openssl engine, an EC key in PKCS8 form. */
class TlsOpenSslIT extends TlsTransportChecks {
  static final TlsFixture TLS = new TlsFixture("EC", TestCertificates.KeyFormat.PKCS8);

  @RegisterExtension
  static final CofferTestServer COFFER =
      CofferTestServer.withBuckets(BUCKET)
          .configured(c -> c.withTls(TLS.settings(TlsSettings.Engine.OPENSSL)))
          .trusting(TLS.ca.trustManagers());

  @AfterAll
  static void deleteCertificates() throws Exception {
    TLS.delete();
  }

  @Override
  CofferTestServer coffer() {
    return COFFER;
  }

  @Override
  TlsFixture tls() {
    return TLS;
  }

  @Override
  String expectedEngine() {
    return "openssl";
  }
}
