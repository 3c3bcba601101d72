package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;

/** GetObjectAttributes. */
public final class ObjectAttributesHandler {
  public HttpResponse getObjectAttributes(S3Request request, S3Operation.GetObjectAttributes op) {
    throw new CofferException(
        ErrorCode.NOT_IMPLEMENTED, op.name() + " is not implemented by Coffer.");
  }
}
