package io.coffer.it.tls;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTPS with the jdk engine, an RSA key in TRADITIONAL form. */
class TlsJdkIT extends TlsTransportChecks {
  static final TlsFixture TLS = new TlsFixture("RSA", TestCertificates.KeyFormat.TRADITIONAL);

  @RegisterExtension
  static final CofferTestServer COFFER =
      CofferTestServer.withBuckets(BUCKET)
          .configured(c -> c.withTls(TLS.settings(TlsSettings.Engine.JDK)))
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
    return "jdk";
  }
}
