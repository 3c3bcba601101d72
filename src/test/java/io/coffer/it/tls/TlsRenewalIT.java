package io.coffer.it.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawSocket;
import io.coffer.it.support.TestCertificates;
import io.coffer.it.support.TestCertificates.KeyFormat;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Certificates renewed while clients keep working (as certbot or cert-manager replace the files):
 * no request fails, connections opened before keep going, new connections get the new certificate,
 * and a broken replacement leaves the certificate in use in place.
 */
class TlsRenewalIT {
  static final TlsFixture TLS = new TlsFixture("RSA", KeyFormat.PKCS8);
  static final Duration RELOAD = Duration.ofMillis(200);

  @RegisterExtension
  static final CofferTestServer COFFER =
      CofferTestServer.withBuckets("renewals")
          .configured(c -> c.withTls(TLS.settings(TlsSettings.Engine.AUTO, RELOAD)))
          .trusting(TLS.ca.trustManagers());

  @AfterAll
  static void deleteCertificates() throws Exception {
    COFFER.server().close(); // first, so that its watcher does not report the files gone
    TLS.delete();
  }

  @Test
  void renewingUnderLoadFailsNoRequestAndNewConnectionsGetTheNewCertificate() throws Exception {
    int port = COFFER.server().s3Port();
    assertThat(servedSerial(port)).isEqualTo(TLS.issued.certificate().getSerialNumber());
    RawSocket before = new RawSocket(TLS.connect(port), Duration.ofSeconds(20));

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong requests = new AtomicLong();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExecutorService load = Executors.newFixedThreadPool(4);
    List<Future<?>> loaders = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int worker = i;
      // SDK clients: pooled keep-alive connections, and new ones when the pool grows
      loaders.add(
          load.submit(
              () -> {
                try (S3Client s3 = COFFER.client()) {
                  byte[] body = ("object of worker " + worker).getBytes(StandardCharsets.UTF_8);
                  while (running.get()) {
                    try {
                      String key = "w" + worker + "/" + requests.incrementAndGet();
                      s3.putObject(b -> b.bucket("renewals").key(key), RequestBody.fromBytes(body));
                      assertThat(
                              s3.getObjectAsBytes(b -> b.bucket("renewals").key(key)).asByteArray())
                          .isEqualTo(body);
                    } catch (Throwable t) {
                      failures.add(t);
                    }
                  }
                }
              }));
    }
    for (int i = 0; i < 2; i++) {
      // a new TLS connection for every request: each handshake picks the certificate of the moment
      loaders.add(
          load.submit(
              () -> {
                while (running.get()) {
                  try (RawSocket socket =
                      new RawSocket(TLS.connect(port), Duration.ofSeconds(20))) {
                    socket.write("GET /coffer/health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    assertThat(socket.readResponse().status()).isEqualTo(200);
                    requests.incrementAndGet();
                  } catch (Throwable t) {
                    failures.add(t);
                  }
                }
              }));
    }
    try {
      Thread.sleep(500);
      // 1. A renewal: new key, new certificate, files replaced one after the other.
      TestCertificates.Issued renewed = TLS.ca.issue("EC", "127.0.0.1", "localhost");
      renewed.writeTo(TLS.cert, TLS.key, KeyFormat.TRADITIONAL);
      awaitServed(port, renewed.certificate().getSerialNumber());

      // 2. A broken replacement: a new certificate whose key never arrives (a renewal caught
      // half-way), then garbage. The renewed certificate stays in use.
      TestCertificates.Issued orphan = TLS.ca.issue("RSA", "127.0.0.1");
      Files.writeString(TLS.cert, orphan.chainPem());
      Thread.sleep(RELOAD.toMillis() * 5);
      assertThat(servedSerial(port)).isEqualTo(renewed.certificate().getSerialNumber());
      Files.writeString(
          TLS.cert, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
      Files.writeString(TLS.key, "not a key");
      Thread.sleep(RELOAD.toMillis() * 5);
      assertThat(servedSerial(port)).isEqualTo(renewed.certificate().getSerialNumber());

      // 3. Repaired: the next good pair is picked up.
      TestCertificates.Issued repaired = TLS.ca.issue("RSA", "127.0.0.1", "localhost");
      repaired.writeTo(TLS.cert, TLS.key, KeyFormat.PKCS8);
      awaitServed(port, repaired.certificate().getSerialNumber());
      Thread.sleep(500);
    } finally {
      running.set(false);
      for (Future<?> loader : loaders) {
        loader.get();
      }
      load.shutdown();
    }
    assertThat(failures).as("requests failed during the renewals").isEmpty();
    assertThat(requests.get()).isGreaterThan(20);

    // The connection opened before the first renewal was never dropped.
    try (before) {
      before.write("GET /coffer/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(before.readResponse().status()).isEqualTo(200);
    }
  }

  static BigInteger servedSerial(int port) throws Exception {
    try (SSLSocket socket = TLS.connect(port)) {
      return ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0])
          .getSerialNumber();
    }
  }

  static void awaitServed(int port, BigInteger serial) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!servedSerial(port).equals(serial)) {
      assertThat(System.nanoTime()).as("the new certificate is served").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
