package io.coffer.s3;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.s3.xml.XmlWriter;
import org.jspecify.annotations.Nullable;

/** Builds XML responses, and renders every error: the one place error XML is written. */
public final class S3Responses {
  public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
  private static final String XML = "application/xml";

  private S3Responses() {}

  /** A new document whose root element carries the S3 namespace. */
  public static XmlWriter document(String root) {
    XmlWriter xml = new XmlWriter();
    xml.start(root, NAMESPACE);
    return xml;
  }

  public static HttpResponse ok(XmlWriter xml) {
    return new HttpResponse(200).body(xml.toBytes(), XML);
  }

  /**
   * An error response. HEAD responses and 304 carry no body; the code still travels in
   * x-amz-error-code so that clients and logs can tell errors apart.
   */
  public static HttpResponse error(CofferException e, @Nullable String resource, String requestId, boolean head) {
    int status = e.code().httpStatus();
    HttpResponse response = new HttpResponse(status);
    if (head || status == 304) {
      return response.header("x-amz-error-code", e.code().s3Code());
    }
    XmlWriter xml = new XmlWriter();
    xml.start("Error");
    xml.element("Code", e.code().s3Code());
    xml.element("Message", clientMessage(e));
    e.fields().forEach(xml::element);
    if (resource != null) {
      xml.element("Resource", resource);
    }
    xml.element("RequestId", requestId);
    xml.end();
    return response.body(xml.toBytes(), XML);
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
