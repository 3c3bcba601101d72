package io.coffer.admin.api;

import io.coffer.http.HttpResponse;
import io.coffer.http.UriCodec;
import io.coffer.model.Bucket;
import io.coffer.s3.HttpDates;
import io.coffer.s3.ObjectBodies;
import io.coffer.s3.ObjectHeaders;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.ObjectRead;
import io.coffer.service.ObjectService;
import io.coffer.service.ReadConditions;

/**
 * GET /api/v1/buckets/{bucket}/download/{key}: the object's bytes as an attachment, sent from its
 * files without passing through memory. "download" precedes the key so no key is ambiguous.
 */
final class DownloadRoutes {
  private final BucketService buckets;
  private final ObjectService objects;

  DownloadRoutes(BucketService buckets, ObjectService objects) {
    this.buckets = buckets;
    this.objects = objects;
  }

  void register(Router router) {
    router.add("GET", "/api/v1/buckets/{bucket}/download/{key+}", this::download);
  }

  private HttpResponse download(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = ObjectRoutes.key(request);
    ObjectRead read = objects.read(Caller.ADMIN, bucket.name(), key, ReadConditions.NONE, null, null);
    return new HttpResponse(200)
        .header("Content-Type", read.meta().contentType())
        .header("ETag", ObjectHeaders.quoted(read.meta().etag()))
        .header("Last-Modified", HttpDates.rfc1123(read.meta().updatedAt()))
        .header("Content-Disposition", contentDisposition(key))
        .body(ObjectBodies.of(read));
  }

  /**
   * attachment with the key's last segment as the file name: a plain ASCII fallback for old
   * clients and the exact UTF-8 name in filename* (RFC 6266).
   */
  static String contentDisposition(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    if (name.isEmpty()) {
      name = "download";
    }
    StringBuilder ascii = new StringBuilder(name.length());
    name.codePoints()
        .forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + UriCodec.encodePath(name);
  }
}
