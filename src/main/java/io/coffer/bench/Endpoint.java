package io.coffer.bench;

import java.net.URI;

/**
 * The S3 endpoint under test and the credential to sign with.
 *
 * @param hostHeader the {@code Host} header, which is also what gets signed
 */
public record Endpoint(
    String host, int port, String hostHeader, String accessKey, String secretKey, String region) {

  /** From {@code http://host[:port]}; only plain HTTP, which is what the benchmark measures. */
  public static Endpoint parse(String url, String accessKey, String secretKey, String region) {
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be http://host[:port]: " + url);
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    String hostHeader = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + port;
    return new Endpoint(uri.getHost(), port, hostHeader, accessKey, secretKey, region);
  }

  @Override
  public String toString() {
    return "http://" + hostHeader; // never the secret
  }
}
