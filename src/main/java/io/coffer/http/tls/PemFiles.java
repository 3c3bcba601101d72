package io.coffer.http.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads PEM files as certbot, cert-manager and openssl write them: a certificate chain (leaf first)
 * and an RSA or EC private key in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or
 * SEC1 ({@code EC PRIVATE KEY}) form. Encrypted keys are refused: the server could not ask for the
 * passphrase at a renewal anyway.
 */
final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters. */
  private static final byte[] RSA_ALGORITHM =
      Der.sequence(Der.concat(Der.oid(new byte[] {42, -122, 72, -122, -9, 13, 1, 1, 1}), Der.NULL));

  /** id-ecPublicKey, 1.2.840.10045.2.1. */
  private static final byte[] EC_PUBLIC_KEY = Der.oid(new byte[] {42, -122, 72, -50, 61, 2, 1});

  private PemFiles() {}

  /** The certificates of a PEM file in their order (the leaf first, as servers send them). */
  static List<X509Certificate> certificates(byte[] pem, String source) throws TlsSetupException {
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(pem)) {
        if (block.type.equals("CERTIFICATE")) {
          chain.add(
              (X509Certificate)
                  factory.generateCertificate(new ByteArrayInputStream(block.der(source))));
        }
      }
    } catch (CertificateException e) {
      throw new TlsSetupException(source + " holds a certificate that cannot be read", e);
    }
    if (chain.isEmpty()) {
      throw new TlsSetupException(source + " holds no PEM certificate (BEGIN CERTIFICATE)");
    }
    return chain;
  }

  /** The RSA or EC private key of a PEM file. */
  static PrivateKey privateKey(byte[] pem, String source) throws TlsSetupException {
    for (Block block : blocks(pem)) {
      switch (block.type) {
        case "PRIVATE KEY" -> {
          return pkcs8(block.der(source), source);
        }
        case "RSA PRIVATE KEY" -> {
          block.refuseEncrypted(source);
          byte[] pkcs8 =
              Der.sequence(Der.concat(Der.INTEGER_0, RSA_ALGORITHM, Der.octets(block.der(source))));
          return decode("RSA", pkcs8, source);
        }
        case "EC PRIVATE KEY" -> {
          block.refuseEncrypted(source);
          byte[] sec1 = block.der(source);
          byte[] curve = Der.ecCurveOf(sec1);
          if (curve == null) {
            throw new TlsSetupException(source + ": the EC private key does not name its curve");
          }
          byte[] algorithm = Der.sequence(Der.concat(EC_PUBLIC_KEY, curve));
          byte[] pkcs8 = Der.sequence(Der.concat(Der.INTEGER_0, algorithm, Der.octets(sec1)));
          return decode("EC", pkcs8, source);
        }
        case "ENCRYPTED PRIVATE KEY" ->
            throw new TlsSetupException(
                source
                    + " holds an encrypted private key; store it unencrypted, readable by the"
                    + " server's user only (openssl pkey -in KEY -out KEY)");
        default -> {
          // EC PARAMETERS (openssl ecparam -genkey), certificates in the same file: not the key
        }
      }
    }
    throw new TlsSetupException(
        source + " holds no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
  }

  private static PrivateKey pkcs8(byte[] der, String source) throws TlsSetupException {
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next
      }
    }
    throw new TlsSetupException(source + " holds a private key that is neither RSA nor EC");
  }

  private static PrivateKey decode(String algorithm, byte[] pkcs8, String source)
      throws TlsSetupException {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // The cause's message could quote key bytes: keep only its type.
      throw new TlsSetupException(
          source
              + " holds an "
              + algorithm
              + " private key that cannot be read ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static List<Block> blocks(byte[] pem) {
    String text = new String(pem, StandardCharsets.US_ASCII);
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2)));
    }
    return blocks;
  }

  /** One BEGIN/END block: its type and its body (headers such as Proc-Type, then base64). */
  private record Block(String type, String body) {
    void refuseEncrypted(String source) throws TlsSetupException {
      if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
        throw new TlsSetupException(
            source
                + " holds an encrypted private key; store it unencrypted, readable by the"
                + " server's user only (openssl pkey -in KEY -out KEY)");
      }
    }

    byte[] der(String source) throws TlsSetupException {
      // Header lines ("Proc-Type: ...") are not base64; the MIME decoder skips only line breaks.
      String base64 =
          body.lines().filter(line -> !line.contains(":")).collect(Collectors.joining());
      try {
        return Base64.getMimeDecoder().decode(base64.strip());
      } catch (IllegalArgumentException e) {
        throw new TlsSetupException(source + ": a PEM block (" + type + ") is not valid base64");
      }
    }
  }
}
