package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;

/** Browser form uploads (POST Object). */
public final class PostObjectHandler {
  public HttpResponse postObject(S3Request request, S3Operation.PostObject op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }
}
