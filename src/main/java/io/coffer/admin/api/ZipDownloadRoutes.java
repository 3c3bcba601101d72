package io.coffer.admin.api;

import io.coffer.http.ContentDisposition;
import io.coffer.http.HttpResponse;
import io.coffer.http.MalformedUriException;
import io.coffer.http.Query;
import io.coffer.http.UriCodec;
import io.coffer.model.Bucket;
import io.coffer.service.BucketService;
import io.coffer.service.Names;
import io.coffer.service.ObjectService;
import java.util.List;
import java.util.Objects;

/**
 * GET /api/v1/buckets/{bucket}/zip?key=…&prefix=…&base=…: several objects and whole folders as one
 * zip, written into the response as it is sent ({@link ZipArchiveStream}), never held whole in
 * memory or on disk. A GET, so that the browser's download manager can fetch it by a plain link.
 */
final class ZipDownloadRoutes {
  /** Keys and prefixes together; a folder counts once however many keys it holds. */
  static final int MAX_SELECTED = 1000;

  private final BucketService buckets;
  private final ObjectService objects;

  ZipDownloadRoutes(BucketService buckets, ObjectService objects) {
    this.buckets = buckets;
    this.objects = objects;
  }

  void register(Router router) {
    router.addForUsers("GET", "/api/v1/buckets/{bucket}/zip", this::zip);
  }

  private HttpResponse zip(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    Query query = query(request);
    List<String> keys = query.values("key");
    List<String> prefixes = query.values("prefix");
    String base = Objects.requireNonNullElse(query.get("base"), "");
    if (keys.isEmpty() && prefixes.isEmpty()) {
      throw ApiException.invalid("Name what to zip: one or more key= or prefix= parameters.");
    }
    if (keys.size() + prefixes.size() > MAX_SELECTED) {
      throw ApiException.invalid(
          "At most " + MAX_SELECTED + " keys and prefixes together; zip their folder instead.");
    }
    for (String key : keys) {
      Names.requireValidKey(key);
    }
    for (String selected : concat(keys, prefixes)) {
      if (!selected.startsWith(base)) {
        throw ApiException.invalid(
            "Every key and prefix must begin with base (\"" + base + "\"): " + selected);
      }
    }
    if (!prefixes.isEmpty()) {
      // Refused listing is a 403 now, not a note inside an archive already under way.
      objects.list(request.caller(), bucket.name(), prefixes.get(0), null, null, 1);
    }
    ZipSelection selection =
        new ZipSelection(objects, request.caller(), bucket.name(), base, keys, prefixes);
    return new HttpResponse(200)
        .header("Content-Type", "application/zip")
        .header("Content-Disposition", ContentDisposition.attachment(archiveName(bucket, base)))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .body(new HttpResponse.Body.Stream(new ZipArchiveStream(selection, selection::notes), -1));
  }

  /** "photos.zip" for a bucket's top, "2024.zip" for its folder "2024/". */
  static String archiveName(Bucket bucket, String base) {
    String folder = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String name = folder.substring(folder.lastIndexOf('/') + 1);
    return (name.isEmpty() ? bucket.name() : name) + ".zip";
  }

  private static Query query(ApiRequest request) {
    try {
      return UriCodec.STRICT.parseQuery(request.http().rawQuery());
    } catch (MalformedUriException e) {
      throw ApiException.invalid(Objects.requireNonNull(e.getMessage()));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
