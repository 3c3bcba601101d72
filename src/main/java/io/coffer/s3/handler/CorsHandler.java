package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;

/** A bucket's CORS configuration. */
public final class CorsHandler {
  public HttpResponse getBucketCors(S3Request request, S3Operation.GetBucketCors op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse putBucketCors(S3Request request, S3Operation.PutBucketCors op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse deleteBucketCors(S3Request request, S3Operation.DeleteBucketCors op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }
}
