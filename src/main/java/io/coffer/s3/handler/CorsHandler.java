package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CorsConfiguration;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.CorsXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.CorsConfigurationXml;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.CorsService;

/**
 * PutBucketCors, GetBucketCors and DeleteBucketCors. Preflights and the headers of actual requests
 * are the front end's ({@code S3Frontend}, {@code BrowserCors}): they come before authentication.
 */
public final class CorsHandler {
  private final BucketService buckets;
  private final CorsService cors;

  public CorsHandler(BucketService buckets, CorsService cors) {
    this.buckets = buckets;
    this.cors = cors;
  }

  HttpResponse getBucketCors(S3Request request, S3Operation.GetBucketCors op) {
    return S3Responses.ok(CorsXml.corsConfiguration(cors.get(request.caller(), op.bucket())));
  }

  /** The access check comes before the body is read. */
  HttpResponse putBucketCors(S3Request request, S3Operation.PutBucketCors op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_CORS);
    CorsConfiguration configuration =
        new CorsConfigurationXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    cors.put(request.caller(), op.bucket(), configuration);
    return new HttpResponse(200);
  }

  HttpResponse deleteBucketCors(S3Request request, S3Operation.DeleteBucketCors op) {
    cors.delete(request.caller(), op.bucket());
    return new HttpResponse(204);
  }
}
