package io.coffer.it.tls;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestCertificates;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server over TLS with one engine, on a certificate of its own (for {@link TlsTransportChecks}):
 * started before the class's tests, then closed before its certificate files are deleted, so that
 * its watcher does not report them gone.
 */
final class TlsEngineServer implements BeforeAllCallback, AfterAllCallback {
  final TlsSettings.Engine engine;
  final TlsFixture tls;
  final CofferTestServer coffer;

  TlsEngineServer(
      TlsSettings.Engine engine, String keyAlgorithm, TestCertificates.KeyFormat keyFormat) {
    this.engine = engine;
    this.tls = new TlsFixture(keyAlgorithm, keyFormat);
    this.coffer =
        CofferTestServer.withBuckets(TlsTransportChecks.BUCKET)
            .configured(c -> c.withTls(tls.settings(engine)))
            .trusting(tls.ca.trustManagers());
  }

  /** The name the server gives its engine ("jdk", "openssl"). */
  String engineName() {
    return engine.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    coffer.beforeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      coffer.afterAll(context);
    } finally {
      tls.delete();
    }
  }
}
