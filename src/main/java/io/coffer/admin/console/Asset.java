package io.coffer.admin.console;

import io.coffer.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One console file held in memory with its type and a content-derived ETag. */
record Asset(byte[] bytes, String contentType, String etag) {

  static Optional<Asset> read(ClassLoader loader, String resource) {
    String type = AssetPaths.contentType(resource);
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      return Optional.of(new Asset(bytes, type, etagOf(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read console file " + resource, e);
    }
  }

  /**
   * File names carry no version, so browsers must revalidate (no-cache) every time; the ETag makes
   * that a 304 without a body whenever the file is unchanged.
   */
  HttpResponse respond(@Nullable String ifNoneMatch) {
    HttpResponse response =
        SecurityHeaders.apply(new HttpResponse(matches(ifNoneMatch) ? 304 : 200))
            .header("Cache-Control", "no-cache")
            .header("ETag", etag);
    if (response.status() == 304) {
      return response;
    }
    return response.body(bytes, contentType);
  }

  private boolean matches(@Nullable String ifNoneMatch) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static String etagOf(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
