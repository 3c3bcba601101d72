package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;

/** Object and bucket tagging. */
public final class TaggingHandler {
  public HttpResponse getBucketTagging(S3Request request, S3Operation.GetBucketTagging op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse putBucketTagging(S3Request request, S3Operation.PutBucketTagging op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse deleteBucketTagging(S3Request request, S3Operation.DeleteBucketTagging op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse getObjectTagging(S3Request request, S3Operation.GetObjectTagging op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse putObjectTagging(S3Request request, S3Operation.PutObjectTagging op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }

  public HttpResponse deleteObjectTagging(S3Request request, S3Operation.DeleteObjectTagging op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }
}
