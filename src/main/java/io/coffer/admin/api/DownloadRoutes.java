package io.coffer.admin.api;

import io.coffer.frontend.ObjectReadBody;
import io.coffer.http.ContentDisposition;
import io.coffer.http.HttpDates;
import io.coffer.http.HttpResponse;
import io.coffer.model.Encryption;
import io.coffer.service.Caller;
import io.coffer.service.ObjectRead;
import io.coffer.service.ObjectService;
import io.coffer.service.ReadConditions;
import io.coffer.service.ReadResult;
import org.jspecify.annotations.Nullable;

/**
 * GET /api/v1/buckets/{bucket}/download/{key}: the object's bytes as an attachment, sent from its
 * files without passing through memory. "download" precedes the key so no key is ambiguous.
 */
final class DownloadRoutes {
  private final ObjectService objects;

  DownloadRoutes(ObjectService objects) {
    this.objects = objects;
  }

  void register(Router router) {
    router.addForUsers("GET", "/api/v1/buckets/{bucket}/download/{key+}", this::download);
  }

  private HttpResponse download(ApiRequest request) {
    String bucket = BucketRoutes.name(request);
    String key = ObjectRoutes.key(request);
    refuseCustomerKeyed(objects, request.caller(), bucket, key, ObjectRoutes.versionId(request));
    return switch (objects.read(
        request.caller(),
        bucket,
        key,
        ObjectRoutes.versionId(request),
        ReadConditions.NONE,
        null,
        null,
        null)) {
      case ObjectRead read ->
          new HttpResponse(200)
              .header("Content-Type", read.meta().contentType())
              .header("ETag", "\"" + read.meta().etag() + "\"")
              .header("Last-Modified", HttpDates.rfc1123(read.meta().updatedAt()))
              .header("Content-Disposition", ContentDisposition.attachment(fileName(key)))
              .body(ObjectReadBody.of(read));
      case ReadResult.NotModified notModified ->
          throw new IllegalStateException("a read without conditions is never Not Modified");
    };
  }

  /**
   * An SSE-C object can only be read with its customer's key, which the management API never has: a
   * JSON error saying so, before the read (which would fail in S3's terms). SSE-S3 and SSE-KMS
   * objects are decrypted by the read like on the S3 port.
   */
  static void refuseCustomerKeyed(
      ObjectService objects, Caller caller, String bucket, String key, @Nullable String versionId) {
    Encryption encryption = objects.details(caller, bucket, key, versionId).meta().encryption();
    if (encryption != null && encryption.mode() == Encryption.Mode.CUSTOMER) {
      throw new ApiException(
          409,
          "customer_key_required",
          "This object is encrypted with a customer-provided key (SSE-C), which Coffer never keeps:"
              + " download it over S3 with that key"
              + " (x-amz-server-side-encryption-customer-* headers).");
    }
  }

  /** The key's last segment, or "download" for a key that ends in a slash. */
  static String fileName(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    return name.isEmpty() ? "download" : name;
  }
}
