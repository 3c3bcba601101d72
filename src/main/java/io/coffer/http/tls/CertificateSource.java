package io.coffer.http.tls;

import io.coffer.config.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where one certificate comes from: a certificate file, its key file, and the host name it serves
 * (null for the default certificate, sent to clients that name no host or an unknown one).
 */
record CertificateSource(@Nullable String host, Path certificate, Path privateKey) {

  /**
   * The file names a host folder of --certs-dir may use, in the order they are looked for: MinIO's
   * (public.crt, private.key), certbot's live folder (fullchain.pem, privkey.pem) and a Kubernetes
   * TLS secret's (tls.crt, tls.key).
   */
  static final List<List<String>> FILE_PAIRS =
      List.of(
          List.of("public.crt", "private.key"),
          List.of("fullchain.pem", "privkey.pem"),
          List.of("tls.crt", "tls.key"));

  /** A name for logs. */
  String name() {
    return host == null ? "the default certificate" : "host " + host;
  }

  /**
   * The sources the settings name, looked up again at every reload (a host folder may be added):
   * --tls-cert/--tls-key as the default, else a pair at the top of --certs-dir; one source per
   * folder of --certs-dir holding a pair, named after the folder ({@code *.example.com} for a
   * wildcard certificate).
   */
  static List<CertificateSource> of(TlsSettings settings) throws IOException {
    List<CertificateSource> sources = new ArrayList<>();
    Path certificate = settings.certificate();
    Path key = settings.privateKey();
    if (certificate != null && key != null) {
      sources.add(new CertificateSource(null, certificate, key));
    }
    Path dir = settings.certsDir();
    if (dir == null) {
      return sources;
    }
    if (sources.isEmpty()) {
      CertificateSource top = pairIn(dir, null);
      if (top != null) {
        sources.add(top);
      }
    }
    List<Path> folders;
    try (Stream<Path> list = Files.list(dir)) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    for (Path folder : folders) {
      String name = folder.getFileName().toString();
      if (name.startsWith(".")) {
        continue; // Kubernetes' ..data and its timestamped folders behind symbolic links
      }
      CertificateSource source = pairIn(folder, name.toLowerCase(Locale.ROOT));
      if (source != null) {
        sources.add(source);
      }
    }
    return sources;
  }

  private static @Nullable CertificateSource pairIn(Path folder, @Nullable String host) {
    for (List<String> pair : FILE_PAIRS) {
      Path certificate = folder.resolve(pair.get(0));
      Path key = folder.resolve(pair.get(1));
      if (Files.exists(certificate) || Files.exists(key)) {
        return new CertificateSource(host, certificate, key);
      }
    }
    return null;
  }
}
