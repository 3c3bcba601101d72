package io.coffer.s3.response;

import io.coffer.model.ListedObject;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Storage;
import io.coffer.model.StoredChecksum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** What the renderers' golden tests share: the expected text and the values rendered. */
final class Golden {
  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
  static final Instant TIME = Instant.parse("2026-01-02T03:04:05.678Z");
  static final String TIME_TEXT = "2026-01-02T03:04:05.000Z";
  static final Owner OWNER = new Owner("7", "alice");
  static final String OWNER_XML = "<Owner><ID>7</ID><DisplayName>alice</DisplayName></Owner>";
  static final StoredChecksum CRC32 = new StoredChecksum("CRC32", "AAAAAA==", "FULL_OBJECT");

  private Golden() {}

  /** The expected document: the declaration, then the lines joined without whitespace. */
  static String document(String... lines) {
    return DECLARATION + String.join("", lines);
  }

  static String text(byte[] rendered) {
    return new String(rendered, StandardCharsets.UTF_8);
  }

  /** An object as the service lists it; only the fields responses show matter. */
  static ListedObject object(String key, long size, String etag, StoredChecksum checksum) {
    return new ListedObject("b", key, size, etag, "text/plain", checksum, 0, TIME, TIME);
  }

  /** An object as the service stores it (a copy's result, say). */
  static ObjectMeta stored(String key, long size, String etag, StoredChecksum checksum) {
    return new ObjectMeta(
        "b",
        key,
        size,
        etag,
        "text/plain",
        Map.of(),
        Map.of(),
        checksum,
        TIME,
        TIME,
        new Storage.Blob("s1"),
        "null",
        io.coffer.model.ObjectLock.NONE,
        null,
        Map.of(),
        null);
  }
}
