package io.coffer.s3.response;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import org.jspecify.annotations.Nullable;

/** Wraps rendered documents as responses, and answers every error. */
public final class S3Responses {
  private static final String XML = "application/xml";

  private S3Responses() {}

  /** 200 with a rendered XML document. */
  public static HttpResponse ok(byte[] document) {
    return new HttpResponse(200).body(document, XML);
  }

  /**
   * An error response, with the headers the error carries. HEAD responses and 304 carry no body;
   * the code still travels in x-amz-error-code so that clients and logs can tell errors apart.
   */
  public static HttpResponse error(
      CofferException e, @Nullable String resource, String requestId, boolean head) {
    int status = e.code().httpStatus();
    HttpResponse response = new HttpResponse(status);
    // What the error says besides its code: x-amz-delete-marker on the 404 of a key hidden by a
    // delete marker, Last-Modified on the 405 of a marker asked for by version, ...
    e.headers().forEach(response::header);
    if (head || status == 304) {
      return response.header("x-amz-error-code", e.code().s3Code());
    }
    byte[] document =
        ErrorXml.error(e.code().s3Code(), clientMessage(e), e.fields(), resource, requestId);
    return response.body(document, XML);
  }

  /**
   * What the client reads. An internal error's own message describes the server (file paths,
   * database messages): that goes to the log with the request ID, the client gets the catalogue's.
   */
  public static String clientMessage(CofferException e) {
    if (e.getMessage() == null || e.code().httpStatus() == 500) {
      return e.code().defaultMessage();
    }
    return e.getMessage();
  }
}
