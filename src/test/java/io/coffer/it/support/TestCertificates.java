package io.coffer.it.support;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A certificate authority made for one test, issuing server certificates (RSA or EC) for the names
 * and addresses a test connects to, and the trust clients need to accept them.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final KeyPair caKeys;
  private final X509Certificate ca;

  /** How a private key is written: PKCS#8, or the older PKCS#1 (RSA) / SEC1 (EC) forms. */
  public enum KeyFormat {
    PKCS8,
    TRADITIONAL
  }

  /** One issued certificate with its key; the chain is the leaf then the CA. */
  public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {
    /**
     * Writes the chain and the key as PEM files (replacing them as a renewal would: atomically).
     */
    public void writeTo(Path certFile, Path keyFile, KeyFormat format) throws IOException {
      replace(certFile, chainPem());
      replace(keyFile, keyPem(format));
    }

    public String chainPem() throws IOException {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
        for (X509Certificate c : chain) {
          pem.writeObject(c);
        }
      }
      return out.toString();
    }

    public String keyPem(KeyFormat format) throws IOException {
      if (format == KeyFormat.PKCS8) {
        return "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
      }
      StringWriter out = new StringWriter();
      try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
        if (key.getAlgorithm().equals("EC")) {
          // SEC1 as openssl writes it, naming its curve (the JDK's PKCS#8 leaves it out inside)
          PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
          ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
          ECPrivateKey sec1 =
              new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
          pem.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        } else {
          pem.writeObject(key); // RSA PRIVATE KEY (PKCS#1)
        }
      }
      return out.toString();
    }
  }

  private TestCertificates(KeyPair caKeys, X509Certificate ca) {
    this.caKeys = caKeys;
    this.ca = ca;
  }

  public static TestCertificates newAuthority(String name) {
    try {
      KeyPair keys = keyPair("EC");
      X500Name subject = new X500Name("CN=" + name);
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              subject,
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate ca = sign(builder, keys.getPrivate());
      return new TestCertificates(keys, ca);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public X509Certificate authority() {
    return ca;
  }

  /**
   * A server certificate for these names: IP addresses (127.0.0.1) become IP SANs, the rest DNS
   * SANs ({@code *.example.com} included). The first name is also the subject's CN.
   */
  public Issued issue(String keyAlgorithm, String... names) {
    try {
      KeyPair keys = keyPair(keyAlgorithm);
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              new X500Name(ca.getSubjectX500Principal().getName()),
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(7))),
              new X500Name("CN=" + names[0]),
              keys.getPublic());
      List<GeneralName> sans = new ArrayList<>();
      for (String name : names) {
        boolean ip = name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        sans.add(
            ip
                ? new GeneralName(
                    GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress())
                : new GeneralName(GeneralName.dNSName, name));
      }
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(sans.toArray(GeneralName[]::new)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      X509Certificate leaf = sign(builder, caKeys.getPrivate());
      return new Issued(leaf, keys.getPrivate(), List.of(leaf, ca));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Trust in this authority alone. */
  public TrustManager[] trustManagers() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", ca);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client SSL context trusting this authority. */
  public SSLContext clientContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes this authority's certificate as PEM (a CA bundle for command-line clients). */
  public void writeAuthority(Path file) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(ca);
    }
    replace(file, out.toString());
  }

  private static KeyPair keyPair(String algorithm) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("EC")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      generator.initialize(2048);
    }
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey signer)
      throws Exception {
    String algorithm = signer.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer)));
  }

  /** Written beside the target and moved over it, as certbot and cert-manager replace files. */
  private static void replace(Path file, String content) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
