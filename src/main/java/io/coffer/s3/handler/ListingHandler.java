package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.ListPage;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.s3.request.ListParameters;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.ListingXml;
import io.coffer.s3.response.Owner;
import io.coffer.s3.response.S3Responses;
import io.coffer.service.ObjectService;
import org.jspecify.annotations.Nullable;

/** ListObjects (v1), ListObjectsV2 and ListObjectVersions. */
public final class ListingHandler {
  private final ObjectService objects;

  public ListingHandler(ObjectService objects) {
    this.objects = objects;
  }

  HttpResponse listObjects(S3Request request, S3Operation.ListObjects op) {
    ListPage page = page(request, op.bucket(), op.list(), op.marker());
    return S3Responses.ok(ListingXml.listObjects(op, page, Owner.of(request.caller())));
  }

  HttpResponse listObjectsV2(S3Request request, S3Operation.ListObjectsV2 op) {
    ListPage page = page(request, op.bucket(), op.list(), op.after());
    return S3Responses.ok(ListingXml.listObjectsV2(op, page, Owner.of(request.caller())));
  }

  HttpResponse listObjectVersions(S3Request request, S3Operation.ListObjectVersions op) {
    ListParameters list = op.list();
    VersionPage page =
        objects.listVersions(
            request.caller(),
            new VersionQuery(
                op.bucket(),
                list.prefix(),
                list.delimiter(),
                op.keyMarker(),
                op.versionIdMarker(),
                list.maxKeys()));
    return S3Responses.ok(ListingXml.listObjectVersions(op, page, Owner.of(request.caller())));
  }

  private ListPage page(
      S3Request request, String bucket, ListParameters list, @Nullable String after) {
    return objects.list(
        request.caller(), bucket, list.prefix(), list.delimiter(), after, list.maxKeys());
  }
}
