package io.coffer.bench;

import java.net.URI;

/**
 * The S3 endpoint under test and the credential to sign with.
 *
 * @param hostHeader the {@code Host} header, which is also what gets signed
 * @param secure whether to speak TLS ({@code https://})
 */
public record Endpoint(
    String host,
    int port,
    String hostHeader,
    boolean secure,
    String accessKey,
    String secretKey,
    String region) {

  /** From {@code http://host[:port]} or {@code https://host[:port]}. */
  public static Endpoint parse(String url, String accessKey, String secretKey, String region) {
    URI uri = URI.create(url);
    boolean secure = "https".equals(uri.getScheme());
    if (!(secure || "http".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be http(s)://host[:port]: " + url);
    }
    int port = uri.getPort() < 0 ? (secure ? 443 : 80) : uri.getPort();
    String hostHeader = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + port;
    return new Endpoint(uri.getHost(), port, hostHeader, secure, accessKey, secretKey, region);
  }

  @Override
  public String toString() {
    return (secure ? "https://" : "http://") + hostHeader; // never the secret
  }
}
