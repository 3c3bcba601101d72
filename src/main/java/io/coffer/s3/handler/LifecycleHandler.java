package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;

/** A bucket's lifecycle configuration. */
public final class LifecycleHandler {
  public HttpResponse getBucketLifecycleConfiguration(
      S3Request request, S3Operation.GetBucketLifecycleConfiguration op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse putBucketLifecycleConfiguration(
      S3Request request, S3Operation.PutBucketLifecycleConfiguration op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse deleteBucketLifecycle(
      S3Request request, S3Operation.DeleteBucketLifecycle op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }
}
