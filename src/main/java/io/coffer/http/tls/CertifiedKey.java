package io.coffer.http.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate chain and the private key that goes with it, read from a pair of PEM files.
 *
 * @param fingerprint SHA-256 of both files' bytes: tells whether the files changed since
 */
record CertifiedKey(List<X509Certificate> chain, PrivateKey key, byte[] fingerprint) {

  /** The files' fingerprint, without parsing them (for the watcher's cheap check). */
  static byte[] fingerprint(Path certificate, Path privateKey) throws IOException {
    return digest(Files.readAllBytes(certificate), Files.readAllBytes(privateKey));
  }

  /**
   * Reads both files and checks that the key belongs to the chain's first certificate: a renewal
   * caught between writing the certificate and writing the key is refused, not served.
   */
  static CertifiedKey load(Path certificate, Path privateKey) throws TlsSetupException {
    byte[] certBytes;
    byte[] keyBytes;
    try {
      certBytes = Files.readAllBytes(certificate);
    } catch (IOException e) {
      throw new TlsSetupException("cannot read " + certificate + ": " + e, e);
    }
    try {
      keyBytes = Files.readAllBytes(privateKey);
    } catch (IOException e) {
      throw new TlsSetupException("cannot read " + privateKey + ": " + e, e);
    }
    List<X509Certificate> chain = PemFiles.certificates(certBytes, certificate.toString());
    PrivateKey key = PemFiles.privateKey(keyBytes, privateKey.toString());
    requireMatch(chain.get(0), key, certificate, privateKey);
    return new CertifiedKey(List.copyOf(chain), key, digest(certBytes, keyBytes));
  }

  /** The leaf's subject, for logs. */
  String subject() {
    return chain.get(0).getSubjectX500Principal().getName();
  }

  private static void requireMatch(
      X509Certificate leaf, PrivateKey key, Path certificate, Path privateKey)
      throws TlsSetupException {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default ->
              throw new TlsSetupException(privateKey + " holds neither an RSA nor an EC key");
        };
    byte[] probe = new byte[32];
    new SecureRandom().nextBytes(probe);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(leaf.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false; // e.g. an EC key against an RSA certificate
    }
    if (!matches) {
      throw new TlsSetupException(
          "the private key in "
              + privateKey
              + " does not belong to the certificate in "
              + certificate);
    }
  }

  private static byte[] digest(byte[] certificate, byte[] key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(certificate);
      sha256.update((byte) 0);
      sha256.update(key);
      return sha256.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
