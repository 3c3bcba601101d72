package io.coffer.admin.api;

import io.coffer.frontend.ObjectReadBody;
import io.coffer.http.ContentDisposition;
import io.coffer.http.HttpResponse;
import io.coffer.model.ObjectMeta;
import io.coffer.service.ObjectRead;
import io.coffer.service.ObjectService;
import io.coffer.service.ReadConditions;
import io.coffer.service.ReadResult;

/**
 * GET /api/v1/buckets/{bucket}/preview/{key}: an object for the console to show in the page (image,
 * audio, video, PDF in a frame; text fetched and shown as text), up to {@link #MAX_PREVIEW_BYTES}.
 * The console's origin serves it, so it must never run there: answers carry {@code
 * Content-Security-Policy: sandbox} (a unique opaque origin, no script, whatever the browser makes
 * of it) with nosniff; only the types of {@link PreviewTypes} are inline, anything else is an
 * octet-stream attachment.
 *
 * <p>PDF is the one inline type sent without the sandbox: Chromium refuses to start its PDF viewer
 * in any sandboxed document (no sandbox keyword re-enables it), so a sandboxed PDF is never shown.
 * Its Content-Type is the server's own {@code application/pdf} with nosniff, so the browser renders
 * it with the PDF viewer or not at all, never as a page; a PDF's own JavaScript runs inside the
 * viewer, isolated from the console's origin.
 */
final class PreviewRoutes {
  /** Larger objects are not previewed (the console says so and offers the download). */
  static final long MAX_PREVIEW_BYTES = 64L * 1024 * 1024;

  /** Sandboxed, and framed only by the console itself (a PDF is shown in a frame). */
  static final String PREVIEW_POLICY = "sandbox; frame-ancestors 'self'";

  /** PDF: see the class comment. */
  static final String PDF_POLICY = "frame-ancestors 'self'";

  private final ObjectService objects;

  PreviewRoutes(ObjectService objects) {
    this.objects = objects;
  }

  void register(Router router) {
    router.addForUsers("GET", "/api/v1/buckets/{bucket}/preview/{key+}", this::preview);
  }

  private HttpResponse preview(ApiRequest request) {
    String bucket = BucketRoutes.name(request);
    String key = ObjectRoutes.key(request);
    String versionId = ObjectRoutes.versionId(request);
    DownloadRoutes.refuseCustomerKeyed(objects, request.caller(), bucket, key, versionId);
    return switch (objects.read(
        request.caller(), bucket, key, versionId, ReadConditions.NONE, null, null, null)) {
      case ObjectRead read -> answer(read, key);
      case ReadResult.NotModified notModified ->
          throw new IllegalStateException("a read without conditions is never Not Modified");
    };
  }

  private static HttpResponse answer(ObjectRead read, String key) {
    ObjectMeta meta = read.meta();
    if (meta.size() > MAX_PREVIEW_BYTES) {
      read.close();
      throw new ApiException(
          413,
          "too_large_to_preview",
          "The object is "
              + meta.size()
              + " bytes; previews are limited to "
              + MAX_PREVIEW_BYTES
              + " bytes (64 MiB). Download it instead.");
    }
    String inline = PreviewTypes.inlineType(meta.contentType(), key);
    String name = DownloadRoutes.fileName(key);
    return new HttpResponse(200)
        .header("Content-Type", inline != null ? inline : "application/octet-stream")
        .header(
            "Content-Disposition",
            inline != null ? ContentDisposition.inline(name) : ContentDisposition.attachment(name))
        .header(
            "Content-Security-Policy",
            "application/pdf".equals(inline) ? PDF_POLICY : PREVIEW_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .header("Cache-Control", "private, no-store")
        .header("ETag", "\"" + meta.etag() + "\"")
        .body(ObjectReadBody.of(read));
  }
}
